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

/// <summary>The server's own figures from <c>GET /api/load-test/process</c>.</summary>
public sealed record ServerFigures(long ManagedHeapBytes, long WorkingSetBytes, int Connections, int ThreadPoolThreads, double CpuSeconds);

public sealed record IdleResult(int Connections, long HeapBeforeBytes, long HeapAfterBytes, double HeapPerConnectionBytes, double NewChatAnsweredMs)
{
    /// <summary>The same number of idle connections to the server's relay hub (the server's pipeline, no hotline code).</summary>
    public double? RelayHeapPerConnectionBytes { get; init; }

    /// <summary>The same number of idle connections to a bare ASP.NET Core host with only a relay hub: the framework's own floor.</summary>
    public double? BareHostHeapPerConnectionBytes { get; init; }
}
