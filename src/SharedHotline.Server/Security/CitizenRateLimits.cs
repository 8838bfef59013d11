using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SharedHotline.Domain.Chats;

namespace SharedHotline.Server.Security;

/// <summary>
/// Fixed-window limits on what citizens do over the hub, partitioned per IP address, per connection and per chat
/// session. A refusal is a <c>rate_limited</c> error that says when to retry.
/// </summary>
public sealed class CitizenRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _startPerIp;
    private readonly PartitionedRateLimiter<string> _startPerConnection;
    private readonly PartitionedRateLimiter<string> _messagesPerIp;
    private readonly PartitionedRateLimiter<string> _messagesPerSession;

    public CitizenRateLimits(IOptions<HotlineLimits> options)
    {
        var limits = options.Value;
        _startPerIp = Create(limits.StartChatsPerIp);
        _startPerConnection = Create(limits.StartChatsPerConnection);
        _messagesPerIp = Create(limits.MessagesPerIp);
        _messagesPerSession = Create(limits.MessagesPerSession);
    }

    public void StartChat(string ip, string connectionId)
    {
        Acquire(_startPerIp, ip, "Too many new chats from your network");
        Acquire(_startPerConnection, connectionId, "Too many new chats from this window");
    }

    public void Message(string ip, Guid? chatId)
    {
        Acquire(_messagesPerIp, ip, "Too many messages from your network");
        if (chatId is { } id)
        {
            Acquire(_messagesPerSession, id.ToString("N"), "Too many messages in this chat");
        }
    }

    public static PartitionedRateLimiter<string> Create(RateLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Options(limit)));

    public static FixedWindowRateLimiterOptions Options(RateLimit limit) =>
        new() { PermitLimit = Math.Max(1, limit.Permits), Window = limit.Window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Whole seconds to wait, at least 1.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease, RateLimit fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : Math.Max(1, fallback.WindowSeconds);

    private static void Acquire(PartitionedRateLimiter<string> limiter, string key, string what)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
            throw new HotlineException(HotlineErrorCode.RateLimited, string.Create(CultureInfo.InvariantCulture, $"{what}; retry after {seconds} s."));
        }
    }

    public void Dispose()
    {
        _startPerIp.Dispose();
        _startPerConnection.Dispose();
        _messagesPerIp.Dispose();
        _messagesPerSession.Dispose();
    }
}
