using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.LiveState;

namespace SharedHotline.IntegrationTests.Infrastructure;

/// <summary>
/// The in-process live state, which a test can empty at once as a Redis restart would. Its next restored assignment
/// can be made to fail once, and its next restore, reclaim or look at a chat's holder can let something happen at that
/// very moment, as on another node.
/// </summary>
public sealed class InterceptedLiveState(TimeProvider time) : ILiveState
{
    private volatile InProcessLiveState _current = new(time);

    /// <summary>A hotline server whose live state is an <see cref="InterceptedLiveState"/>; <see cref="Of"/> finds it.</summary>
    public static Task<HotlineServer> StartServerAsync(DateTimeOffset localNow) =>
        HotlineServer.StartAsync(localNow, configure: services =>
        {
            services.AddSingleton<InterceptedLiveState>();
            services.AddSingleton<ILiveState>(sp => sp.GetRequiredService<InterceptedLiveState>());
        });

    public static InterceptedLiveState Of(HotlineServer server) => server.Services.GetRequiredService<InterceptedLiveState>();
    private int _failRestore;

    public void LoseEverything(bool failNextRestore)
    {
        Volatile.Write(ref _failRestore, failNextRestore ? 1 : 0);
        _current = new InProcessLiveState(time);
    }

    /// <summary>Runs once, just before the next restored assignment is written.</summary>
    public Func<Task>? BeforeNextRestore { get; set; }

    public async Task RestoreAssignmentAsync(QueuedChat chat, Guid agentId, CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _failRestore, 0) == 1)
        {
            throw new LiveStateUnavailableException("The live state is still reconnecting.");
        }

        if (BeforeNextRestore is { } before)
        {
            BeforeNextRestore = null;
            await before();
        }

        await _current.RestoreAssignmentAsync(chat, agentId, ct);
    }

    public Task SetPresenceAsync(Guid agentId, int homeKommune, PresenceStatus status, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default) =>
        _current.SetPresenceAsync(agentId, homeKommune, status, capacity, skills, ct);

    public Task SetOfflineAsync(Guid agentId, CancellationToken ct = default) => _current.SetOfflineAsync(agentId, ct);

    public Task<PresenceStatus?> TakeOverPresenceAsync(Guid agentId, int homeKommune, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default) =>
        _current.TakeOverPresenceAsync(agentId, homeKommune, capacity, skills, ct);

    public Task LeaveAsync(Guid agentId, CancellationToken ct = default) => _current.LeaveAsync(agentId, ct);

    public Task<IReadOnlyList<AgentPresence>> GetAgentsAsync(CancellationToken ct = default) => _current.GetAgentsAsync(ct);

    public Task<AgentPresence?> GetAgentAsync(Guid agentId, CancellationToken ct = default) => _current.GetAgentAsync(agentId, ct);

    public Task EnqueueAsync(QueuedChat chat, CancellationToken ct = default) => _current.EnqueueAsync(chat, ct);

    public Task<IReadOnlyList<QueuedChat>> GetQueueAsync(CancellationToken ct = default) => _current.GetQueueAsync(ct);

    public Task<bool> RemoveFromQueueAsync(Guid chatId, CancellationToken ct = default) => _current.RemoveFromQueueAsync(chatId, ct);

    public Task<bool> TryAssignAsync(Guid chatId, Guid agentId, CancellationToken ct = default) => _current.TryAssignAsync(chatId, agentId, ct);

    public Task<bool> TryTransferAsync(Guid chatId, Guid fromAgentId, Guid toAgentId, CancellationToken ct = default) =>
        _current.TryTransferAsync(chatId, fromAgentId, toAgentId, ct);

    /// <summary>Runs once, just after the next look at who holds a chat has been answered.</summary>
    public Func<Task>? AfterNextHolderLookup { get; set; }

    public async Task<Guid?> GetAssignedAgentAsync(Guid chatId, CancellationToken ct = default)
    {
        var holder = await _current.GetAssignedAgentAsync(chatId, ct);
        if (AfterNextHolderLookup is { } after)
        {
            AfterNextHolderLookup = null;
            await after();
        }

        return holder;
    }

    public Task<IReadOnlyList<Guid>> GetChatsOfAgentAsync(Guid agentId, CancellationToken ct = default) => _current.GetChatsOfAgentAsync(agentId, ct);

    /// <summary>Runs once, just after the next chat an agent returns is back in the queue.</summary>
    public Func<Task>? AfterNextRequeue { get; set; }

    public async Task<bool> RequeueAsync(QueuedChat chat, Guid fromAgentId, DateTimeOffset at, CancellationToken ct = default)
    {
        var requeued = await _current.RequeueAsync(chat, fromAgentId, at, ct);
        if (AfterNextRequeue is { } after)
        {
            AfterNextRequeue = null;
            await after();
        }

        return requeued;
    }

    public Task<bool> ReleaseAsync(Guid chatId, DateTimeOffset at, CancellationToken ct = default) => _current.ReleaseAsync(chatId, at, ct);

    public Task HeartbeatAsync(CancellationToken ct = default) => _current.HeartbeatAsync(ct);

    /// <summary>Runs once, just after the next reclaim that returned chats to the queue.</summary>
    public Func<Task>? AfterNextReclaim { get; set; }

    public async Task<IReadOnlyList<QueuedChat>> ReclaimLostChatsAsync(TimeSpan offlineGrace, CancellationToken ct = default)
    {
        var reclaimed = await _current.ReclaimLostChatsAsync(offlineGrace, ct);
        if (reclaimed.Count > 0 && AfterNextReclaim is { } after)
        {
            AfterNextReclaim = null;
            await after();
        }

        return reclaimed;
    }

    public Task<bool> WasResetAsync(CancellationToken ct = default) => _current.WasResetAsync(ct);
}
