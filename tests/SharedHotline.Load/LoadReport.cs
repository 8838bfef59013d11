using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharedHotline.Load;

/// <summary>The outcome of one invocation: scenarios run in the same process, against the same server(s).</summary>
public sealed record LoadReport(string Label, DateTimeOffset At, string Machine, LoadOptionsSummary Options, ScenarioResult? Relay, ScenarioResult? Hotline, IdleResult? Idle)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Hotline latency divided by relay latency: the cost of routing and persistence over the bare framework.</summary>
    public double? P50Ratio => Ratio(h => h.P50);

    public double? P99Ratio => Ratio(h => h.P99);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LoadReport FromJson(string json) => JsonSerializer.Deserialize<LoadReport>(json, Json)!;

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {Label} ({At:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        var scenarios = new[] { Relay, Hotline }.OfType<ScenarioResult>().ToList();
        md.AppendLine(scenarios.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Options.Citizens} citizens, {Options.Agents} agents, {Options.MessagesPerSecondPerSide} message/s per side, {Options.Seconds} s{(Options.Rounds > 1 ? $" per turn, relay and hotline taking turns {Options.Rounds} times (pooled)" : "")}; citizens at {Options.CitizenUrl}, agents at {Options.AgentUrl}. Machine: {Machine}.")
            : string.Create(CultureInfo.InvariantCulture, $"{Options.IdleConnections} idle citizen connections to {Options.CitizenUrl}. Machine: {Machine}."));
        if (scenarios.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| scenario | direction | messages | p50 ms | p90 ms | p99 ms | max ms | errors |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (var result in scenarios)
            {
                Row(md, result, "citizen → agent", result.CitizenToAgent);
                Row(md, result, "agent → citizen", result.AgentToCitizen);
            }
        }

        if (P50Ratio is { } p50 && P99Ratio is { } p99)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Hotline / relay: p50 {p50:F2}x, p99 {p99:F2}x.");
        }

        var cpu = new[] { Relay, Hotline }.OfType<ScenarioResult>().Where(r => r.ServerCpuPerMessageMicroseconds is not null).ToList();
        if (cpu.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Server CPU per delivered message while measuring (both directions; the generator's own CPU not included): "
                + string.Join(", ", cpu.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Mode.ToString().ToLowerInvariant()} {r.ServerCpuPerMessageMicroseconds:F0} µs"))) + ".");
        }

        if (Hotline is { } h)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Routing{(Options.Rounds > 1 ? " (first turn)" : "")}: {h.Chats} chats, {h.ChatsRoutedPerSecond:F1} chats/s; start → assigned p50 {h.RoutingMs.P50:F1} ms, p99 {h.RoutingMs.P99:F1} ms; start → accepted p50 {h.QueueWaitMs.P50:F1} ms.");
            if (h.ServerAfter is { } after)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"Server: managed heap {after.ManagedHeapBytes / 1048576.0:F1} MiB, working set {after.WorkingSetBytes / 1048576.0:F1} MiB, {after.Connections} connections.");
            }
        }

        if (Idle is { } idle)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Idle: {idle.Connections} connections, {idle.HeapPerConnectionBytes / 1024:F1} KiB managed heap each (the server's relay hub: {idle.RelayHeapPerConnectionBytes / 1024:F1} KiB{BareHost(idle)}); a new chat was offered to an agent {idle.NewChatAnsweredMs:F0} ms after it started.");
        }

        return md.ToString();
    }

    private static string BareHost(IdleResult idle) => idle.BareHostHeapPerConnectionBytes is { } bare
        ? string.Create(CultureInfo.InvariantCulture, $"; a bare ASP.NET Core host with only a relay hub: {bare / 1024:F1} KiB")
        : "";

    private static void Row(StringBuilder md, ScenarioResult result, string direction, LatencyStats s) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {result.Mode} | {direction} | {s.Count} | {s.P50:F2} | {s.P90:F2} | {s.P99:F2} | {s.Max:F2} | {result.Errors} |");

    private double? Ratio(Func<LatencyStats, double> pick)
    {
        if (Relay is null || Hotline is null)
        {
            return null;
        }

        var relay = (pick(Relay.CitizenToAgent) + pick(Relay.AgentToCitizen)) / 2;
        var hotline = (pick(Hotline.CitizenToAgent) + pick(Hotline.AgentToCitizen)) / 2;
        return relay > 0 ? hotline / relay : null;
    }
}

public sealed record LoadOptionsSummary(string CitizenUrl, string AgentUrl, int Citizens, int Agents, double MessagesPerSecondPerSide, int Seconds, int IdleConnections, int Rounds = 1)
{
    public static LoadOptionsSummary From(LoadOptions o) =>
        new(o.CitizenUrl.ToString(), o.AgentUrl.ToString(), o.Citizens, o.Agents, o.MessagesPerSecondPerSide, (int)o.Duration.TotalSeconds, o.IdleConnections, o.Rounds);
}
