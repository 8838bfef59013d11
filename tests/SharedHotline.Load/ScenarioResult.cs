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
    ServerFigures? ServerAfter);

/// <summary>The server's own figures from <c>GET /api/load-test/process</c>.</summary>
public sealed record ServerFigures(long ManagedHeapBytes, long WorkingSetBytes, int Connections, int ThreadPoolThreads, double CpuSeconds);

public sealed record IdleResult(int Connections, long HeapBeforeBytes, long HeapAfterBytes, double HeapPerConnectionBytes, double NewChatAnsweredMs);
