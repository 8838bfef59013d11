namespace SharedHotline.Server.Security;

/// <summary>A fixed window: at most <see cref="Permits"/> in <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimit
{
    public int Permits { get; set; }
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));

    public static RateLimit Of(int permits, TimeSpan window) => new() { Permits = permits, WindowSeconds = (int)window.TotalSeconds };
}

/// <summary>The abuse limits, from <c>Hotline:Limits</c>. Every limit is per client IP address unless named otherwise.</summary>
public sealed class HotlineLimits
{
    public const string Section = "Hotline:Limits";

    /// <summary>New chats (hub <c>StartChat</c>) per IP address.</summary>
    public RateLimit StartChatsPerIp { get; set; } = RateLimit.Of(10, TimeSpan.FromMinutes(10));

    /// <summary>New chats per citizen hub connection (one browser tab).</summary>
    public RateLimit StartChatsPerConnection { get; set; } = RateLimit.Of(3, TimeSpan.FromMinutes(10));

    /// <summary>Citizen messages per IP address.</summary>
    public RateLimit MessagesPerIp { get; set; } = RateLimit.Of(120, TimeSpan.FromMinutes(1));

    /// <summary>Citizen messages per chat session.</summary>
    public RateLimit MessagesPerSession { get; set; } = RateLimit.Of(30, TimeSpan.FromMinutes(1));

    /// <summary>Chats resumed (hub <c>ResumeChat</c>) per IP address.</summary>
    public RateLimit ResumesPerIp { get; set; } = RateLimit.Of(120, TimeSpan.FromMinutes(1));

    /// <summary>Chats resumed per citizen hub connection.</summary>
    public RateLimit ResumesPerConnection { get; set; } = RateLimit.Of(20, TimeSpan.FromMinutes(1));

    /// <summary>History requests (hub <c>GetHistory</c>) per citizen hub connection.</summary>
    public RateLimit HistoryPerConnection { get; set; } = RateLimit.Of(30, TimeSpan.FromMinutes(1));

    /// <summary>Typing signals (hub <c>SetTyping</c>) per citizen hub connection; the widget sends at most one every three seconds.</summary>
    public RateLimit TypingPerConnection { get; set; } = RateLimit.Of(120, TimeSpan.FromMinutes(1));

    /// <summary>Refused citizen hub calls (bad input, unknown kommune, an invalid session) per IP address.</summary>
    public RateLimit RefusedCallsPerIp { get; set; } = RateLimit.Of(300, TimeSpan.FromMinutes(1));

    /// <summary>Refused citizen hub calls per connection; refused calls do not count against the limits above.</summary>
    public RateLimit RefusedCallsPerConnection { get; set; } = RateLimit.Of(30, TimeSpan.FromMinutes(1));

    /// <summary>Call-back requests and messages left while closed, per IP address.</summary>
    public RateLimit CallbacksPerIp { get; set; } = RateLimit.Of(5, TimeSpan.FromMinutes(10));

    /// <summary>Staff sign-in attempts per IP address (on top of the per-account lockout).</summary>
    public RateLimit SignInsPerIp { get; set; } = RateLimit.Of(20, TimeSpan.FromMinutes(1));

    /// <summary>Every HTTP request per IP address (health probes excepted).</summary>
    public RateLimit RequestsPerIp { get; set; } = RateLimit.Of(600, TimeSpan.FromMinutes(1));

    /// <summary>Chats waiting in the queue at once that were started from one IP address.</summary>
    public int QueuedChatsPerIp { get; set; } = 5;

    /// <summary>The largest HTTP request body; larger ones are refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The largest hub message (one call with its arguments); a larger one closes the connection with an error.</summary>
    public long MaxHubMessageBytes { get; set; } = 64 * 1024;
}
