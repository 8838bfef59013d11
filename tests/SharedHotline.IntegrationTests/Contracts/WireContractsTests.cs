using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Contracts;

/// <summary>
/// The web pages' wire types (src/shared/contracts.ts) against the records the server sends: a field on one side only
/// (a <c>containsCpr</c> the console never reads, a field renamed on the server) or a null the page does not expect
/// fails here rather than in a citizen's browser.
/// </summary>
public sealed partial class WireContractsTests
{
    private static readonly string ContractsFile = Path.Combine(RepositoryPaths.Root, "src", "SharedHotline.Web", "src", "shared", "contracts.ts");

    // The web's shorter names for records whose .NET name says they are transfer objects.
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["CannedAnswer"] = "CannedAnswerDto", ["Link"] = "LinkDto", ["Topic"] = "TopicDto", ["CaseStatus"] = "CaseStatusView",
        ["CaseStep"] = "CaseStepView", ["FreeTime"] = "FreeTimeView", ["MeetingTopic"] = "MeetingTopicView",
    };

    // Where the records the pages read live: the hubs' contracts in the client, the HTTP endpoints' beside them in the server.
    private static readonly string[] Assemblies = ["SharedHotline.Client", "SharedHotline.Server"];

    public static TheoryData<string> Interfaces() => [.. TypeScriptInterfaces().Keys];

    [Theory]
    [MemberData(nameof(Interfaces))]
    public void Each_web_type_has_the_fields_of_the_record_the_server_sends_and_nulls_where_it_may_send_one(string name)
    {
        var record = RecordFor(name);
        var web = TypeScriptInterfaces()[name];
        var wire = WireFields(record);

        web.Keys.Should().BeEquivalentTo(wire.Keys, "contracts.ts {0} and {1} must name the same fields", name, record.FullName);
        foreach (var (field, nullable) in wire)
        {
            if (nullable)
            {
                web[field].Should().BeTrue("{0}.{1} may be null on the wire, so contracts.ts must say '| null' (or '?')", name, field);
            }
        }
    }

    [Fact]
    public void The_wire_records_the_hubs_send_all_have_a_web_type()
    {
        var sent = typeof(AgentChat).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(AgentChat).Namespace && t.IsPublic && IsRecord(t) && !t.Name.EndsWith("Request", StringComparison.Ordinal))
            .Select(t => Renamed.FirstOrDefault(r => r.Value == t.Name).Key ?? t.Name);

        TypeScriptInterfaces().Keys.Should().Contain(sent);
    }

    private static Type RecordFor(string name)
    {
        var dotnetName = Renamed.GetValueOrDefault(name, name);
        var candidates = Assemblies.SelectMany(a => Assembly.Load(a).GetTypes())
            .Where(t => t.IsPublic && t.Name == dotnetName && IsRecord(t))
            .ToList();
        candidates.Should().ContainSingle("contracts.ts {0} must be the shape of exactly one public record of the server or client", name);
        return candidates[0];
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    /// <summary>The JSON names the server writes (camel case, as SignalR and the HTTP endpoints do), and whether each may be null.</summary>
    private static Dictionary<string, bool> WireFields(Type record)
    {
        var nullability = new NullabilityInfoContext();
        return record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(
                p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? char.ToLowerInvariant(p.Name[0]) + p.Name[1..],
                p => Nullable.GetUnderlyingType(p.PropertyType) is not null || nullability.Create(p).ReadState == NullabilityState.Nullable);
    }

    /// <summary>Each exported interface of contracts.ts: its fields, and whether each admits null (<c>| null</c> or optional).</summary>
    private static Dictionary<string, Dictionary<string, bool>> TypeScriptInterfaces()
    {
        var text = File.ReadAllText(ContractsFile);
        var interfaces = new Dictionary<string, Dictionary<string, bool>>();
        foreach (Match block in InterfacePattern().Matches(text))
        {
            interfaces[block.Groups["name"].Value] = FieldPattern().Matches(block.Groups["body"].Value)
                .ToDictionary(f => f.Groups["field"].Value, f => f.Groups["optional"].Success || f.Groups["type"].Value.Contains("null", StringComparison.Ordinal));
        }

        return interfaces;
    }

    [GeneratedRegex(@"^export interface (?<name>\w+) \{\n(?<body>.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex InterfacePattern();

    [GeneratedRegex(@"^  (?<field>\w+)(?<optional>\?)?: (?<type>[^\n]*);$", RegexOptions.Multiline)]
    private static partial Regex FieldPattern();
}
