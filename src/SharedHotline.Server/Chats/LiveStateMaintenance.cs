using Microsoft.EntityFrameworkCore;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Every few seconds: heartbeat this node; rebuild the live state from the database if the store lost it
/// (Redis restarted empty); put chats of lost agents (offline too long, or on a dead node) back at the front
/// of the queue; pick up a rota change whose event was lost; give up chats whose citizen is gone and settle the
/// waiting ones at closing time (<see cref="QueueHousekeeping"/>); and re-run routing, since slots open and close
/// and overflow starts after a wait.
/// </summary>
public sealed class LiveStateMaintenance(
    ILiveState live,
    ChatDispatcher dispatcher,
    AgentConnections connections,
    ChatNotifier notify,
    ClientResync resync,
    IServiceScopeFactory scopes,
    IEnumerable<StackExchange.Redis.IConnectionMultiplexer> redis,
    Rota.RotaProvider rota,
    TimeProvider time,
    ILogger<LiveStateMaintenance> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>An agent who dropped off keeps their chats this long, to reconnect after a network blip.</summary>
    public static readonly TimeSpan OfflineGrace = TimeSpan.FromSeconds(60);

    /// <summary>A node must heartbeat at least twice within its TTL, or its peers would declare it dead between beats.</summary>
    public static void ValidateNodeTtl(TimeSpan nodeTtl)
    {
        if (nodeTtl < 2 * Interval)
        {
            throw new InvalidOperationException($"Hotline:Redis:NodeTtl is {nodeTtl}; it must be at least {2 * Interval} (two heartbeats of {Interval}).");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var connection in redis)
        {
            resync.Watch(connection);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Live-state maintenance failed; retrying in {Interval}", Interval);
            }
        }
    }

    private int _synchronised;
    private volatile bool _rebuildPending;

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await live.HeartbeatAsync(ct);
        if (resync.TakeTick())
        {
            await notify.ResyncEveryoneAsync();
        }

        var reset = await live.WasResetAsync(ct);
        if (reset || _rebuildPending)
        {
            resync.Request();
            if (!reset)
            {
                logger.LogWarning("Rebuilding the live state from the database again: the last rebuild did not finish");
            }
            else if (Interlocked.Exchange(ref _synchronised, 1) == 0)
            {
                logger.LogInformation("Synchronising the live state with the open chats in the database");
            }
            else
            {
                logger.LogWarning("The live state was lost (Redis restarted empty?); rebuilding it from the database");
            }

            // The store reports a reset once; a rebuild that fails halfway (Redis still reconnecting) is retried on
            // the next ticks until it finishes, or the agents and chats it had not reached yet would stay missing.
            _rebuildPending = true;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LiveStateRecovery>().RecoverAsync(ct);
            var agents = scope.ServiceProvider.GetRequiredService<AgentPresences>();
            foreach (var (agentId, presence) in connections.PresenceOfConnectedAgents())
            {
                await agents.SetPresenceAsync(agentId, presence, ct);
            }

            _rebuildPending = false;
        }

        if (await rota.RefreshIfStaleAsync(ct))
        {
            logger.LogInformation("A rota change reached this node by the periodic check, not by the bus");
        }

        var reclaimed = await live.ReclaimLostChatsAsync(OfflineGrace, ct);
        if (reclaimed.Count > 0)
        {
            await ReturnToQueueAsync(reclaimed, ct);
        }

        await KeepQueueHonestAsync(ct);
        await dispatcher.DispatchAsync(ct);
    }

    private async Task KeepQueueHonestAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<QueueHousekeeping>().RunAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The queue's housekeeping failed this tick; routing goes on");
        }
    }

    /// <summary>
    /// Tells the agent each reclaimed chat has left her (a console of hers may still be connected, to a node the live
    /// state had lost), records in the database that the chats wait again, then tells their citizens. The live state
    /// has queued them already, so a routing pass on another node may give one to an agent before this runs: a chat
    /// the live state holds as assigned, or whose row changed since it was read here, is that node's now and left alone.
    /// </summary>
    private async Task ReturnToQueueAsync(IReadOnlyList<QueuedChat> reclaimed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var ids = reclaimed.Select(r => r.ChatId).ToList();
        var chats = await db.Chats.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var chat in chats.Where(c => !ChatLifecycle.IsOver(c.State)))
        {
            var lostAgent = chat.AgentId;
            var holder = await live.GetAssignedAgentAsync(chat.Id, ct);
            if (lostAgent is { } lost && holder != lost)
            {
                await notify.Agent(lost).ChatRemoved(new ChatRemoved(chat.Id, ChatRemovedReasons.Reclaimed));
            }

            if (holder is not null || !await db.SaveWaitingAgainAsync(chat, ct))
            {
                logger.LogInformation("Chat {ChatId} was given to an agent again before it was recorded as waiting", chat.Id);
                continue;
            }

            logger.LogInformation("Chat {ChatId} returned to the front of the queue: agent {AgentId} was lost", chat.Id, lostAgent);
            await notify.Citizen(chat.Id).ChatStateChanged(new ChatStateChanged(chat.Id, ChatStatus.Queued, null, now));
        }
    }
}
