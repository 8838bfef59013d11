namespace SharedHotline.Load;

/// <summary>The figures of one scenario run.</summary>
public sealed record ScenarioResult(
    LoadMode Mode,
    int Chats,
    LatencyStats CitizenToAgent,
    LatencyStats AgentToCitizen,
    LatencyStats RoutingMs,
    LatencyStats QueueWaitMs,
    double ChatsRoutedPerSecond,
    int Errors,
    double MeasuredSeconds,
    ServerFigures? ServerBefore,
    ServerFigures? ServerAfter)
{
    /// <summary>The citizens' server's CPU time while measuring, divided by the messages delivered in that time.</summary>
    public double? ServerCpuPerMessageMicroseconds =>
        ServerBefore is { } before && ServerAfter is { } after && CitizenToAgent.Count + AgentToCitizen.Count > 0
            ? (after.CpuSeconds - before.CpuSeconds) * 1e6 / (CitizenToAgent.Count + AgentToCitizen.Count)
            : null;
}

/// <summary>Several turns of one scenario as one result, their latencies pooled by shared recorders.</summary>
public static class ScenarioRounds
{
    /// <summary>
    /// The last turn's latencies (its recorders collected every turn), the first turn's routing figures (the burst
    /// of chats arriving at once), errors, seconds and server CPU summed over the turns.
    /// </summary>
    public static ScenarioResult Pool(IReadOnlyList<ScenarioResult> turns)
    {
        if (turns.Count == 1)
        {
            return turns[0];
        }

        var first = turns[0];
        var last = turns[^1];
        var cpu = turns.Sum(t => t.ServerBefore is { } b && t.ServerAfter is { } a ? a.CpuSeconds - b.CpuSeconds : 0);
        return first with
        {
            CitizenToAgent = last.CitizenToAgent,
            AgentToCitizen = last.AgentToCitizen,
            Errors = turns.Sum(t => t.Errors),
            MeasuredSeconds = turns.Sum(t => t.MeasuredSeconds),
            ServerAfter = first.ServerBefore is { } before && last.ServerAfter is { } after ? after with { CpuSeconds = before.CpuSeconds + cpu } : last.ServerAfter,
        };
    }
}

/// <summary>The server's own figures from <c>GET /api/load-test/process</c>.</summary>
public sealed record ServerFigures(long ManagedHeapBytes, long WorkingSetBytes, int Connections, int ThreadPoolThreads, double CpuSeconds);

public sealed record IdleResult(int Connections, long HeapBeforeBytes, long HeapAfterBytes, double HeapPerConnectionBytes, double NewChatAnsweredMs)
{
    /// <summary>The same number of idle connections to the server's relay hub (the server's pipeline, no hotline code).</summary>
    public double? RelayHeapPerConnectionBytes { get; init; }

    /// <summary>The same number of idle connections to a bare ASP.NET Core host with only a relay hub: the framework's own floor.</summary>
    public double? BareHostHeapPerConnectionBytes { get; init; }
}
