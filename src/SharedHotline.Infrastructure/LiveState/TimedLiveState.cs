using System.Diagnostics;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Telemetry;

namespace SharedHotline.Infrastructure.LiveState;

/// <summary>Times each live-state call on Redis into <c>hotline.redis.duration</c>, labelled by operation; failures are timed too.</summary>
public sealed class TimedLiveState(ILiveState inner, HotlineMetrics metrics) : ILiveState
{
    public Task SetPresenceAsync(Guid agentId, int homeKommune, PresenceStatus status, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default) => Time("set_presence", () => inner.SetPresenceAsync(agentId, homeKommune, status, capacity, skills, ct));
    public Task SetOfflineAsync(Guid agentId, CancellationToken ct = default) => Time("set_offline", () => inner.SetOfflineAsync(agentId, ct));
    public Task<PresenceStatus?> TakeOverPresenceAsync(Guid agentId, int homeKommune, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default) => Time("take_over_presence", () => inner.TakeOverPresenceAsync(agentId, homeKommune, capacity, skills, ct));
    public Task LeaveAsync(Guid agentId, CancellationToken ct = default) => Time("leave", () => inner.LeaveAsync(agentId, ct));
    public Task<IReadOnlyList<AgentPresence>> GetAgentsAsync(CancellationToken ct = default) => Time("get_agents", () => inner.GetAgentsAsync(ct));
    public Task<AgentPresence?> GetAgentAsync(Guid agentId, CancellationToken ct = default) => Time("get_agent", () => inner.GetAgentAsync(agentId, ct));
    public Task EnqueueAsync(QueuedChat chat, CancellationToken ct = default) => Time("enqueue", () => inner.EnqueueAsync(chat, ct));
    public Task<IReadOnlyList<QueuedChat>> GetQueueAsync(CancellationToken ct = default) => Time("get_queue", () => inner.GetQueueAsync(ct));
    public Task<bool> RemoveFromQueueAsync(Guid chatId, CancellationToken ct = default) => Time("remove_from_queue", () => inner.RemoveFromQueueAsync(chatId, ct));
    public Task<bool> TryAssignAsync(Guid chatId, Guid agentId, CancellationToken ct = default) => Time("assign", () => inner.TryAssignAsync(chatId, agentId, ct));
    public Task<bool> TryTransferAsync(Guid chatId, Guid fromAgentId, Guid toAgentId, CancellationToken ct = default) => Time("transfer", () => inner.TryTransferAsync(chatId, fromAgentId, toAgentId, ct));
    public Task<Guid?> GetAssignedAgentAsync(Guid chatId, CancellationToken ct = default) => Time("get_assigned_agent", () => inner.GetAssignedAgentAsync(chatId, ct));
    public Task<IReadOnlyList<Guid>> GetChatsOfAgentAsync(Guid agentId, CancellationToken ct = default) => Time("get_chats_of_agent", () => inner.GetChatsOfAgentAsync(agentId, ct));
    public Task<bool> RequeueAsync(QueuedChat chat, Guid fromAgentId, DateTimeOffset at, CancellationToken ct = default) => Time("requeue", () => inner.RequeueAsync(chat, fromAgentId, at, ct));
    public Task<bool> ReleaseAsync(Guid chatId, DateTimeOffset at, CancellationToken ct = default) => Time("release", () => inner.ReleaseAsync(chatId, at, ct));
    public Task RestoreAssignmentAsync(QueuedChat chat, Guid agentId, CancellationToken ct = default) => Time("restore_assignment", () => inner.RestoreAssignmentAsync(chat, agentId, ct));
    public Task HeartbeatAsync(CancellationToken ct = default) => Time("heartbeat", () => inner.HeartbeatAsync(ct));
    public Task<IReadOnlyList<QueuedChat>> ReclaimLostChatsAsync(TimeSpan offlineGrace, CancellationToken ct = default) => Time("reclaim_lost_chats", () => inner.ReclaimLostChatsAsync(offlineGrace, ct));
    public Task<bool> WasResetAsync(CancellationToken ct = default) => Time("was_reset", () => inner.WasResetAsync(ct));

    private async Task Time(string operation, Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        finally
        {
            metrics.RedisCall(operation, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<T> Time<T>(string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            metrics.RedisCall(operation, Stopwatch.GetElapsedTime(started));
        }
    }
}
