using System.Globalization;
using System.Text;

namespace SharedHotline.Load;

/// <summary>
/// One table over the reports of a run-all.sh run, set against the targets of issue 7: each mode's hotline
/// latency as a ratio to the relay measured in the same invocation, two nodes against one node with Redis, and
/// the idle-connection figures.
/// </summary>
public static class LoadSummary
{
    public const string OneNodeWithRedis = "one node, Redis and PostgreSQL";
    public const string TwoNodesWithRedis = "two nodes, Redis and PostgreSQL";

    public static string ToMarkdown(IReadOnlyList<LoadReport> reports)
    {
        var md = new StringBuilder();
        md.AppendLine("| mode | relay p50 / p99 ms | hotline p50 / p99 ms | p50 ratio (≤ 1.5x) | p99 ratio (≤ 2x) | server CPU per message, relay / hotline |");
        md.AppendLine("|---|---|---|---:|---:|---|");
        foreach (var report in reports.Where(r => r.Relay is not null && r.Hotline is not null))
        {
            var relay = report.Relay!;
            var hotline = report.Hotline!;
            md.AppendLine(Invariant($"| {report.Label} | {Both(relay, s => s.P50):F2} / {Both(relay, s => s.P99):F2} | {Both(hotline, s => s.P50):F2} / {Both(hotline, s => s.P99):F2} | {report.P50Ratio:F2}x {Verdict(report.P50Ratio <= 1.5)} | {report.P99Ratio:F2}x {Verdict(report.P99Ratio <= 2)} | {relay.ServerCpuPerMessageMicroseconds:F0} / {hotline.ServerCpuPerMessageMicroseconds:F0} µs |"));
        }

        var one = reports.FirstOrDefault(r => r.Label == OneNodeWithRedis)?.Hotline;
        var two = reports.FirstOrDefault(r => r.Label == TwoNodesWithRedis)?.Hotline;
        if (one is not null && two is not null)
        {
            var ratio = Both(two, s => s.P99) / Both(one, s => s.P99);
            md.AppendLine();
            md.AppendLine(Invariant($"Two nodes against one node, both with Redis and PostgreSQL: p99 {Both(two, s => s.P99):F2} ms against {Both(one, s => s.P99):F2} ms = {ratio:F2}x (≤ 2x) {Verdict(ratio <= 2)}."));
        }

        foreach (var idle in reports.Select(r => r.Idle).OfType<IdleResult>())
        {
            var kib = idle.HeapPerConnectionBytes / 1024;
            md.AppendLine();
            md.AppendLine(Invariant($"Idle: {idle.Connections} citizen connections held, {kib:F1} KiB managed heap each (≤ 16 KiB) {Verdict(kib <= 16)}, against {idle.RelayHeapPerConnectionBytes / 1024:F1} KiB for the server's relay hub{(idle.BareHostHeapPerConnectionBytes is { } bare ? Invariant($" and {bare / 1024:F1} KiB for a bare ASP.NET Core host with only a relay hub") : "")}; a new chat was offered to an agent {idle.NewChatAnsweredMs:F0} ms after it started (≤ 1 s) {Verdict(idle.NewChatAnsweredMs <= 1000)}."));
        }

        return md.ToString();
    }

    /// <summary>The mean of the two directions.</summary>
    private static double Both(ScenarioResult result, Func<LatencyStats, double> pick) =>
        (pick(result.CitizenToAgent) + pick(result.AgentToCitizen)) / 2;

    private static string Verdict(bool met) => met ? "met" : "**not met**";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
