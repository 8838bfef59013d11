using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SharedHotline.Load.Chaos;

/// <summary>What a chaos run did, counted and checked: the Markdown for docs/reliability.md and the JSON beside it.</summary>
public sealed record ChaosReport(
    DateTimeOffset StartedAt,
    ChaosOptions Options,
    IReadOnlyList<JournalEntry> Actions,
    IReadOnlyDictionary<string, int> Counters,
    IReadOnlyList<ChaosCheck> Checks,
    IReadOnlyList<string> ServerErrors)
{
    public bool Passed => Checks.All(c => c.Breaches == 0);

    public int Counter(string name) => Counters.GetValueOrDefault(name);

    public int ActionsLike(string text) => Actions.Count(a => a.Text.Contains(text, StringComparison.Ordinal) && !a.Text.Contains(": done after", StringComparison.Ordinal));

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Indented);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var o = Options;
        md.AppendLine(CultureInfo.InvariantCulture, $"### Chaos run {StartedAt:yyyy-MM-dd HH:mm} UTC: {(Passed ? "passed" : "FAILED")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{o.Duration.TotalMinutes:F0} min, {o.Nodes} nodes, PostgreSQL, Redis, {o.Citizens} citizens, {o.Agents} agents (capacity {o.AgentCapacity}), a message per side every ~{o.MessageEvery.TotalSeconds:F0} s; " +
            $"a node killed every {o.NodeKillEvery.TotalSeconds:F0} s (down {o.NodeDownFor.TotalSeconds:F0} s), Redis restarted every {o.RedisRestartEvery.TotalSeconds:F0} s (alternately empty and from its file), " +
            $"PostgreSQL paused {o.PostgresPauseFor.TotalSeconds:F0} s every {o.PostgresPauseEvery.TotalSeconds:F0} s, a client's socket cut every {o.SocketDropEvery.TotalSeconds:F0} s; seed {o.Seed}.");
        md.AppendLine();
        md.AppendLine("| Check | Breaches | Examples |");
        md.AppendLine("|---|---:|---|");
        foreach (var check in Checks)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {check.Name} | {check.Breaches} | {string.Join("<br>", check.Examples)} |");
        }

        md.AppendLine();
        md.AppendLine("| Count | |");
        md.AppendLine("|---|---:|");
        foreach (var (name, value) in Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        md.AppendLine();
        md.AppendLine("Failures carried out (time since the start):");
        md.AppendLine();
        foreach (var action in Actions.Where(a => !a.Text.StartsWith("a client's connection cut", StringComparison.Ordinal)))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {action.At:mm\\:ss} {action.Text}");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- and {ActionsLike("a client's connection cut")} client connections cut at the load balancer, at: {string.Join(", ", Actions.Where(a => a.Text.StartsWith("a client's connection cut", StringComparison.Ordinal)).Select(a => a.At.ToString("mm\\:ss", CultureInfo.InvariantCulture)))}");
        if (ServerErrors.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Errors the nodes logged (first ten per node):");
            md.AppendLine();
            foreach (var line in ServerErrors)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"    {line}");
            }
        }

        return md.ToString();
    }
}
