using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SharedHotline.Domain.Chats;

namespace SharedHotline.Server.Security;

/// <summary>One limit a hub call counts against: the limiter, the partition, and how a refusal names it.</summary>
public readonly record struct HubAllowance(PartitionedRateLimiter<string> Limiter, string Key, string What);

/// <summary>
/// Fixed-window limits on what citizens do over the hub, partitioned per IP address, per connection and per chat
/// session. Only accepted calls count against a method's limit, so a mistyped call does not use up the allowance;
/// refused calls count against a separate, more generous limit that stops a flood of bad calls. A refusal is a
/// <c>rate_limited</c> error that says when to retry.
/// </summary>
public sealed class CitizenRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _startPerIp;
    private readonly PartitionedRateLimiter<string> _startPerConnection;
    private readonly PartitionedRateLimiter<string> _messagesPerIp;
    private readonly PartitionedRateLimiter<string> _messagesPerSession;
    private readonly PartitionedRateLimiter<string> _resumesPerIp;
    private readonly PartitionedRateLimiter<string> _resumesPerConnection;
    private readonly PartitionedRateLimiter<string> _historyPerConnection;
    private readonly PartitionedRateLimiter<string> _typingPerConnection;
    private readonly PartitionedRateLimiter<string> _refusalsPerIp;
    private readonly PartitionedRateLimiter<string> _refusalsPerConnection;

    public CitizenRateLimits(IOptions<HotlineLimits> options)
    {
        var limits = options.Value;
        _startPerIp = Create(limits.StartChatsPerIp);
        _startPerConnection = Create(limits.StartChatsPerConnection);
        _messagesPerIp = Create(limits.MessagesPerIp);
        _messagesPerSession = Create(limits.MessagesPerSession);
        _resumesPerIp = Create(limits.ResumesPerIp);
        _resumesPerConnection = Create(limits.ResumesPerConnection);
        _historyPerConnection = Create(limits.HistoryPerConnection);
        _typingPerConnection = Create(limits.TypingPerConnection);
        _refusalsPerIp = Create(limits.RefusedCallsPerIp);
        _refusalsPerConnection = Create(limits.RefusedCallsPerConnection);
    }

    /// <summary>The limits a call of <paramref name="method"/> counts against; none for a method without limits.</summary>
    public IReadOnlyList<HubAllowance> For(string method, string ip, string connectionId, Guid? chatId) => method switch
    {
        "StartChat" => [new(_startPerIp, ip, "Too many new chats from your network"), new(_startPerConnection, connectionId, "Too many new chats from this window")],
        "SendMessage" when chatId is { } id => [new(_messagesPerIp, ip, "Too many messages from your network"), new(_messagesPerSession, id.ToString("N"), "Too many messages in this chat")],
        "SendMessage" => [new(_messagesPerIp, ip, "Too many messages from your network")],
        "ResumeChat" => [new(_resumesPerIp, ip, "Too many reconnections from your network"), new(_resumesPerConnection, connectionId, "Too many reconnections from this window")],
        "GetHistory" => [new(_historyPerConnection, connectionId, "Too many history requests from this window")],
        "SetTyping" => [new(_typingPerConnection, connectionId, "Too many typing signals from this window")],
        _ => [],
    };

    /// <summary>Refuses the call when one of its limits, or the caller's allowance for refused calls, is used up.</summary>
    public void EnsureRoom(IReadOnlyList<HubAllowance> allowances, string ip, string connectionId)
    {
        EnsureRoom(new HubAllowance(_refusalsPerIp, ip, "Too many refused calls from your network"));
        EnsureRoom(new HubAllowance(_refusalsPerConnection, connectionId, "Too many refused calls from this window"));
        foreach (var allowance in allowances)
        {
            EnsureRoom(allowance);
        }
    }

    /// <summary>Counts an accepted call. Concurrent calls from one address may overshoot a limit by the calls in flight.</summary>
    public static void Accepted(IReadOnlyList<HubAllowance> allowances)
    {
        foreach (var allowance in allowances)
        {
            allowance.Limiter.AttemptAcquire(allowance.Key).Dispose();
        }
    }

    /// <summary>Counts a refused call (bad input, unknown kommune, guessed token) against the refusal allowance.</summary>
    public void Refused(string ip, string connectionId)
    {
        _refusalsPerIp.AttemptAcquire(ip).Dispose();
        _refusalsPerConnection.AttemptAcquire(connectionId).Dispose();
    }

    public static PartitionedRateLimiter<string> Create(RateLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Options(limit)));

    public static FixedWindowRateLimiterOptions Options(RateLimit limit) =>
        new() { PermitLimit = Math.Max(1, limit.Permits), Window = limit.Window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Whole seconds to wait, at least 1.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease, RateLimit fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : Math.Max(1, fallback.WindowSeconds);

    private static void EnsureRoom(HubAllowance allowance)
    {
        // Zero permits asks whether any are left without taking one.
        using var lease = allowance.Limiter.AttemptAcquire(allowance.Key, permitCount: 0);
        if (!lease.IsAcquired)
        {
            var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
            throw new HotlineException(HotlineErrorCode.RateLimited, string.Create(CultureInfo.InvariantCulture, $"{allowance.What}; retry after {seconds} s."));
        }
    }

    public void Dispose()
    {
        foreach (var limiter in new[]
                 {
                     _startPerIp, _startPerConnection, _messagesPerIp, _messagesPerSession, _resumesPerIp, _resumesPerConnection,
                     _historyPerConnection, _typingPerConnection, _refusalsPerIp, _refusalsPerConnection,
                 })
        {
            limiter.Dispose();
        }
    }
}
