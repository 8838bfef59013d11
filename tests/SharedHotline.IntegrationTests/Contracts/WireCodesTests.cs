using System.Reflection;
using System.Text.RegularExpressions;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Contracts;

/// <summary>The server, the .NET client and the web pages name every wire code alike.</summary>
public sealed partial class WireCodesTests
{
    private static readonly string CodesFile = Path.Combine(RepositoryPaths.Root, "src", "SharedHotline.Web", "src", "shared", "codes.ts");

    [Fact]
    public void Every_error_code_of_the_server_is_known_to_the_NET_client_and_the_web_pages_and_no_side_has_one_more()
    {
        var server = Enum.GetValues<HotlineErrorCode>().Select(HotlineException.ToWire)
            .Concat([HubErrorCodes.Unavailable, HubErrorCodes.Internal]);
        var client = Constants(typeof(HubErrorCodes));
        var web = TypeScriptList("hubErrorCodes");

        client.Should().BeEquivalentTo(server, "the .NET client's HubErrorCodes lists what the server sends");
        web.Should().BeEquivalentTo(server, "src/shared/codes.ts lists what the server sends");
    }

    [Fact]
    public void ChatRemoved_reasons_are_one_list_of_codes_on_both_sides()
    {
        var client = Constants(typeof(ChatRemovedReasons));
        client.Should().BeEquivalentTo(ChatRemovedReasons.All);
        TypeScriptList("chatRemovedReasons").Should().Equal(ChatRemovedReasons.All);
        client.Should().OnlyContain(code => CodePattern().IsMatch(code), "a reason is a code to switch on, not text to match");
    }

    [Fact]
    public void ChatStateChanged_reasons_are_one_list_of_codes_on_both_sides()
    {
        var client = Constants(typeof(ChatStateReasons));
        client.Should().BeEquivalentTo(ChatStateReasons.All);
        TypeScriptList("chatStateReasons").Should().Equal(ChatStateReasons.All);
        client.Should().OnlyContain(code => CodePattern().IsMatch(code));
    }

    [Fact]
    public async Task A_chat_the_citizen_ends_leaves_the_agent_with_the_code_ended_and_who_ended_it()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var removed = new Inbox<ChatRemoved>();
        agent.ChatRemoved += removed.Add;

        await citizen.EndChatAsync();

        (await removed.WaitForAsync(r => r.ChatId == chat.ChatId)).Should().Be(new ChatRemoved(chat.ChatId, ChatRemovedReasons.Ended, "citizen"));
    }

    private static List<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static List<string> TypeScriptList(string name)
    {
        var text = File.ReadAllText(CodesFile);
        var list = Regex.Match(text, $@"export const {name} = \[(?<items>[^\]]*)\] as const", RegexOptions.Singleline);
        list.Success.Should().BeTrue($"codes.ts declares {name}");
        return Regex.Matches(list.Groups["items"].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex CodePattern();
}
