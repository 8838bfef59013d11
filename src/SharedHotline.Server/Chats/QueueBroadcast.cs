using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Routing;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Chats;

/// <summary>Sends the queue's news of routing passes: positions to waiting citizens, overviews to agents available or away.</summary>
public sealed class QueueBroadcast(ILiveState live, RotaProvider rota, ChatNotifier notify, HandleTimes handleTimes, TimeProvider time, ILogger<QueueBroadcast> logger)
{
    private readonly Lock _sync = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, QueueStatus> _sentStatus = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> _sentOverview = new();
    private bool _broadcasting;
    private bool _broadcastAgain;

    /// <summary>
    /// The queue news of a pass goes out in the background, so a caller waiting for its pass (a citizen's StartChat)
    /// does not also wait for every other citizen's position. Requests during a broadcast share the next one, which
    /// reads the queue as it is then: nothing is lost, a position that changed twice is sent once.
    /// </summary>
    public void Soon()
    {
        lock (_sync)
        {
            if (_broadcasting)
            {
                _broadcastAgain = true;
                return;
            }

            _broadcasting = true;
        }

        _ = Task.Run(BroadcastLoopAsync, CancellationToken.None);
    }

    private async Task BroadcastLoopAsync()
    {
        while (true)
        {
            try
            {
                var snapshot = await rota.GetAsync(CancellationToken.None);
                var queue = await live.GetQueueAsync(CancellationToken.None);
                var agents = await live.GetAgentsAsync(CancellationToken.None);
                await BroadcastQueueAsync(queue, agents, snapshot, time.GetUtcNow());
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Queue positions could not be sent; the next pass sends them");
            }

            lock (_sync)
            {
                if (!_broadcastAgain)
                {
                    _broadcasting = false;
                    return;
                }

                _broadcastAgain = false;
            }
        }
    }

    /// <summary>Tells waiting citizens and available agents what changed since the last pass; unchanged news is not resent.</summary>
    private async Task BroadcastQueueAsync(IReadOnlyList<QueuedChat> queue, IReadOnlyList<AgentPresence> agents, Domain.Rota.RotaSnapshot snapshot, DateTimeOffset now)
    {
        var statuses = QueueSnapshot.Compute(queue, agents, snapshot, now, handleTimes.Average);
        foreach (var gone in _sentStatus.Keys.Where(id => !statuses.ContainsKey(id)).ToList())
        {
            _sentStatus.TryRemove(gone, out _);
        }

        foreach (var status in statuses.Values)
        {
            if (!_sentStatus.TryGetValue(status.ChatId, out var sent) || sent != status)
            {
                _sentStatus[status.ChatId] = status;
                await notify.Citizen(status.ChatId).QueueUpdated(status);
            }
        }

        // Away agents too: the console shows the queue's length and longest wait while she is away, and it must be true.
        foreach (var agent in agents.Where(a => a.Status != PresenceStatus.Offline))
        {
            var overview = ChatDispatcher.Overview(queue, agent.AgentId, agent.HomeKommune, snapshot, now);
            var key = string.Join(',', overview.Chats.Select(c => c.ChatId));
            if (!_sentOverview.TryGetValue(agent.AgentId, out var sentKey) || sentKey != key)
            {
                _sentOverview[agent.AgentId] = key;
                await notify.Agent(agent.AgentId).QueueChanged(overview);
            }
        }
    }
}
