using SharedHotline.Domain.Routing;

namespace SharedHotline.Infrastructure.LiveState;

/// <summary>The embedded default: live state in this process, guarded by one lock so every check-and-set is atomic.</summary>
public sealed class InProcessLiveState(TimeProvider time) : ILiveState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, AgentPresence> _agents = [];
    private readonly Dictionary<Guid, QueuedChat> _queue = [];
    private readonly Dictionary<Guid, Guid> _assignments = [];
    private readonly Dictionary<Guid, QueuedChat> _chats = [];
    private readonly Dictionary<Guid, DateTimeOffset> _offlineSince = [];
    private readonly Dictionary<Guid, PresenceStatus> _leftWith = [];
    private long _arrivals;
    private int _synced;

    public Task SetPresenceAsync(Guid agentId, int homeKommune, PresenceStatus status, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default)
    {
        lock (_gate)
        {
            _offlineSince.Remove(agentId);
            _leftWith.Remove(agentId);
            var load = _assignments.Count(a => a.Value == agentId);
            var lastFreed = _agents.TryGetValue(agentId, out var existing) ? existing.LastFreedAt : time.GetUtcNow();
            _agents[agentId] = new AgentPresence(agentId, homeKommune, status, capacity, skills, load, lastFreed);
        }

        return Task.CompletedTask;
    }

    public Task SetOfflineAsync(Guid agentId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            _leftWith.Remove(agentId);
            MarkOffline(agentId);
        }

        return Task.CompletedTask;
    }

    private void MarkOffline(Guid agentId)
    {
        if (_agents.TryGetValue(agentId, out var agent))
        {
            _agents[agentId] = agent with { Status = PresenceStatus.Offline };
            _offlineSince.TryAdd(agentId, time.GetUtcNow());
        }
    }

    public Task<PresenceStatus?> TakeOverPresenceAsync(Guid agentId, int homeKommune, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_agents.TryGetValue(agentId, out var agent))
            {
                return Task.FromResult<PresenceStatus?>(null);
            }

            var status = agent.Status;
            if (status == PresenceStatus.Offline && !_leftWith.Remove(agentId, out status))
            {
                return Task.FromResult<PresenceStatus?>(null);
            }

            _offlineSince.Remove(agentId);
            _agents[agentId] = agent with { HomeKommune = homeKommune, Status = status, Capacity = capacity, Skills = skills };
            return Task.FromResult<PresenceStatus?>(status);
        }
    }

    /// <summary>One node holds every presence here.</summary>
    public Task LeaveAsync(Guid agentId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_agents.TryGetValue(agentId, out var agent) && agent.Status != PresenceStatus.Offline)
            {
                _leftWith[agentId] = agent.Status;
            }

            MarkOffline(agentId);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AgentPresence>> GetAgentsAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AgentPresence>>(_agents.Values.ToList());
        }
    }

    public Task<AgentPresence?> GetAgentAsync(Guid agentId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_agents.GetValueOrDefault(agentId));
        }
    }

    public Task EnqueueAsync(QueuedChat chat, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_assignments.ContainsKey(chat.ChatId) && _queue.TryAdd(chat.ChatId, chat with { Arrival = ++_arrivals }))
            {
                _chats[chat.ChatId] = chat;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedChat>> GetQueueAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<QueuedChat>>(Router.InServiceOrder(_queue.Values).ToList());
        }
    }

    public Task<bool> RemoveFromQueueAsync(Guid chatId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            _chats.Remove(chatId);
            return Task.FromResult(_queue.Remove(chatId));
        }
    }

    public Task<bool> TryAssignAsync(Guid chatId, Guid agentId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_queue.ContainsKey(chatId) || !_agents.TryGetValue(agentId, out var agent) || !agent.CanTakeChat)
            {
                return Task.FromResult(false);
            }

            _queue.Remove(chatId);
            _assignments[chatId] = agentId;
            _agents[agentId] = agent with { ActiveChats = agent.ActiveChats + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryTransferAsync(Guid chatId, Guid fromAgentId, Guid toAgentId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_assignments.TryGetValue(chatId, out var current) || current != fromAgentId
                || !_agents.TryGetValue(toAgentId, out var target) || !target.CanTakeChat)
            {
                return Task.FromResult(false);
            }

            _assignments[chatId] = toAgentId;
            _agents[toAgentId] = target with { ActiveChats = target.ActiveChats + 1 };
            if (_agents.TryGetValue(fromAgentId, out var source))
            {
                _agents[fromAgentId] = source with { ActiveChats = Math.Max(0, source.ActiveChats - 1), LastFreedAt = time.GetUtcNow() };
            }

            return Task.FromResult(true);
        }
    }

    public Task<Guid?> GetAssignedAgentAsync(Guid chatId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_assignments.TryGetValue(chatId, out var agent) ? agent : (Guid?)null);
        }
    }

    public Task<IReadOnlyList<Guid>> GetChatsOfAgentAsync(Guid agentId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Guid>>(_assignments.Where(a => a.Value == agentId).Select(a => a.Key).ToList());
        }
    }

    public Task<bool> RequeueAsync(QueuedChat chat, Guid fromAgentId, DateTimeOffset at, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_assignments.TryGetValue(chat.ChatId, out var holder) || holder != fromAgentId)
            {
                return Task.FromResult(false);
            }

            _assignments.Remove(chat.ChatId);
            if (_agents.TryGetValue(fromAgentId, out var agent))
            {
                _agents[fromAgentId] = agent with { ActiveChats = Math.Max(0, agent.ActiveChats - 1), LastFreedAt = at };
            }

            _queue[chat.ChatId] = chat with { Arrival = ++_arrivals };
            _chats[chat.ChatId] = chat;
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseAsync(Guid chatId, DateTimeOffset at, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_assignments.Remove(chatId, out var agentId))
            {
                return Task.FromResult(false);
            }

            _chats.Remove(chatId);

            if (_agents.TryGetValue(agentId, out var agent))
            {
                _agents[agentId] = agent with { ActiveChats = Math.Max(0, agent.ActiveChats - 1), LastFreedAt = at };
            }

            return Task.FromResult(true);
        }
    }

    public Task RestoreAssignmentAsync(QueuedChat chat, Guid agentId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_assignments.ContainsKey(chat.ChatId))
            {
                return Task.CompletedTask;
            }

            _queue.Remove(chat.ChatId);
            _assignments[chat.ChatId] = agentId;
            _chats[chat.ChatId] = chat;
            var now = time.GetUtcNow();
            if (_agents.TryGetValue(agentId, out var agent))
            {
                _agents[agentId] = agent with { ActiveChats = agent.ActiveChats + 1 };
            }
            else
            {
                _agents[agentId] = new AgentPresence(agentId, 0, PresenceStatus.Offline, 0, [], 1, now);
                _offlineSince[agentId] = now;
                _leftWith[agentId] = PresenceStatus.Away;
            }
        }

        return Task.CompletedTask;
    }

    public Task HeartbeatAsync(CancellationToken ct = default) => Task.CompletedTask;

    public Task<bool> WasResetAsync(CancellationToken ct = default) => Task.FromResult(Interlocked.Exchange(ref _synced, 1) == 0);

    public Task<IReadOnlyList<QueuedChat>> ReclaimLostChatsAsync(TimeSpan offlineGrace, CancellationToken ct = default)
    {
        var reclaimed = new List<QueuedChat>();
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var (agentId, since) in _offlineSince.Where(o => now - o.Value >= offlineGrace).ToList())
            {
                _leftWith.Remove(agentId);
                foreach (var chatId in _assignments.Where(a => a.Value == agentId).Select(a => a.Key).ToList())
                {
                    _assignments.Remove(chatId);
                    var chat = _chats.GetValueOrDefault(chatId);
                    if (chat is null)
                    {
                        continue;
                    }

                    var requeued = chat with { Priority = true, Arrival = ++_arrivals };
                    _queue[chatId] = requeued;
                    reclaimed.Add(requeued);
                }

                if (_agents.TryGetValue(agentId, out var agent))
                {
                    _agents[agentId] = agent with { ActiveChats = 0, LastFreedAt = since };
                }
            }
        }

        return Task.FromResult<IReadOnlyList<QueuedChat>>(reclaimed);
    }
}
