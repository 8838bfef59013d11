using SharedHotline.Domain.Routing;
using StackExchange.Redis;

namespace SharedHotline.Infrastructure.LiveState;

/// <summary>
/// Redis's failures (<see cref="RedisException"/>, its timeouts) reach the server as one exception of ours,
/// <see cref="LiveStateUnavailableException"/>, so nothing above Infrastructure knows which store holds the live state.
/// </summary>
public sealed class LiveStateFailures(ILiveState inner) : ILiveState
{
    public Task SetPresenceAsync(Guid agentId, int homeKommune, PresenceStatus status, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default) => Run(() => inner.SetPresenceAsync(agentId, homeKommune, status, capacity, skills, ct));
    public Task SetOfflineAsync(Guid agentId, CancellationToken ct = default) => Run(() => inner.SetOfflineAsync(agentId, ct));
    public Task<PresenceStatus?> TakeOverPresenceAsync(Guid agentId, int homeKommune, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default) => Run(() => inner.TakeOverPresenceAsync(agentId, homeKommune, capacity, skills, ct));
    public Task LeaveAsync(Guid agentId, CancellationToken ct = default) => Run(() => inner.LeaveAsync(agentId, ct));
    public Task<IReadOnlyList<AgentPresence>> GetAgentsAsync(CancellationToken ct = default) => Run(() => inner.GetAgentsAsync(ct));
    public Task<AgentPresence?> GetAgentAsync(Guid agentId, CancellationToken ct = default) => Run(() => inner.GetAgentAsync(agentId, ct));
    public Task EnqueueAsync(QueuedChat chat, CancellationToken ct = default) => Run(() => inner.EnqueueAsync(chat, ct));
    public Task<IReadOnlyList<QueuedChat>> GetQueueAsync(CancellationToken ct = default) => Run(() => inner.GetQueueAsync(ct));
    public Task<bool> RemoveFromQueueAsync(Guid chatId, CancellationToken ct = default) => Run(() => inner.RemoveFromQueueAsync(chatId, ct));
    public Task<bool> TryAssignAsync(Guid chatId, Guid agentId, CancellationToken ct = default) => Run(() => inner.TryAssignAsync(chatId, agentId, ct));
    public Task<bool> TryTransferAsync(Guid chatId, Guid fromAgentId, Guid toAgentId, CancellationToken ct = default) => Run(() => inner.TryTransferAsync(chatId, fromAgentId, toAgentId, ct));
    public Task<Guid?> GetAssignedAgentAsync(Guid chatId, CancellationToken ct = default) => Run(() => inner.GetAssignedAgentAsync(chatId, ct));
    public Task<IReadOnlyList<Guid>> GetChatsOfAgentAsync(Guid agentId, CancellationToken ct = default) => Run(() => inner.GetChatsOfAgentAsync(agentId, ct));
    public Task<bool> RequeueAsync(QueuedChat chat, Guid fromAgentId, DateTimeOffset at, CancellationToken ct = default) => Run(() => inner.RequeueAsync(chat, fromAgentId, at, ct));
    public Task<bool> ReleaseAsync(Guid chatId, DateTimeOffset at, CancellationToken ct = default) => Run(() => inner.ReleaseAsync(chatId, at, ct));
    public Task RestoreAssignmentAsync(QueuedChat chat, Guid agentId, CancellationToken ct = default) => Run(() => inner.RestoreAssignmentAsync(chat, agentId, ct));
    public Task HeartbeatAsync(CancellationToken ct = default) => Run(() => inner.HeartbeatAsync(ct));
    public Task<IReadOnlyList<QueuedChat>> ReclaimLostChatsAsync(TimeSpan offlineGrace, CancellationToken ct = default) => Run(() => inner.ReclaimLostChatsAsync(offlineGrace, ct));
    public Task<bool> WasResetAsync(CancellationToken ct = default) => Run(() => inner.WasResetAsync(ct));

    /// <summary>Runs a call on Redis, translating its failures.</summary>
    public static async Task Run(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw Translate(ex);
        }
    }

    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw Translate(ex);
        }
    }

    private static LiveStateUnavailableException Translate(Exception ex) => new($"The live state is unreachable: {ex.GetType().Name}", ex);
}
