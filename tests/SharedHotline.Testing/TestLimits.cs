namespace SharedHotline.Testing;

/// <summary>
/// The abuse limits lifted for tests that start many chats from one loopback address; the tests of the limits
/// themselves set their own small ones on top.
/// </summary>
public static class TestLimits
{
    private const string Many = "100000";

    public static IReadOnlyDictionary<string, string?> Generous { get; } = new Dictionary<string, string?>
    {
        ["Hotline:Limits:StartChatsPerIp:Permits"] = Many,
        ["Hotline:Limits:StartChatsPerConnection:Permits"] = Many,
        ["Hotline:Limits:MessagesPerIp:Permits"] = Many,
        ["Hotline:Limits:MessagesPerSession:Permits"] = Many,
        ["Hotline:Limits:CallbacksPerIp:Permits"] = Many,
        ["Hotline:Limits:SignInsPerIp:Permits"] = Many,
        ["Hotline:Limits:RequestsPerIp:Permits"] = Many,
        ["Hotline:Limits:ResumesPerIp:Permits"] = Many,
        ["Hotline:Limits:ResumesPerConnection:Permits"] = Many,
        ["Hotline:Limits:HistoryPerConnection:Permits"] = Many,
        ["Hotline:Limits:TypingPerConnection:Permits"] = Many,
        ["Hotline:Limits:RefusedCallsPerIp:Permits"] = Many,
        ["Hotline:Limits:RefusedCallsPerConnection:Permits"] = Many,
        ["Hotline:Limits:QueuedChatsPerIp"] = Many,
    };
}
