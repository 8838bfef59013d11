namespace SharedHotline.Domain.Routing;

/// <summary>
/// The live state shared by every node: queue, presence, assignments and agent load.
/// Implementations make <see cref="TryAssignAsync"/> and <see cref="TryTransferAsync"/> atomic.
/// </summary>
public interface ILiveState
{
    Task SetPresenceAsync(Guid agentId, int homeKommune, PresenceStatus status, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default);

    Task SetOfflineAsync(Guid agentId, CancellationToken ct = default);

    /// <summary>
    /// From now on this node holds the agent's presence, with the status she has, unless she is unknown or chose to be
    /// offline (checked and written in one step). An agent offline only because her last connection closed
    /// (<see cref="LeaveAsync"/>) and not yet reclaimed gets back the presence she had then: her console reconnected
    /// within the grace, and her chats stay hers. Returns that status, or null when nothing was taken over.
    /// </summary>
    Task<PresenceStatus?> TakeOverPresenceAsync(Guid agentId, int homeKommune, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default);

    /// <summary>
    /// The agent's last connection to this node closed: offline, as <see cref="SetOfflineAsync"/>, unless another
    /// node holds their presence by now (they reconnected there first, as during a rolling deploy). The presence she
    /// had is kept until her chats are reclaimed, for <see cref="TakeOverPresenceAsync"/> to give back.
    /// </summary>
    Task LeaveAsync(Guid agentId, CancellationToken ct = default);

    Task<IReadOnlyList<AgentPresence>> GetAgentsAsync(CancellationToken ct = default);

    Task<AgentPresence?> GetAgentAsync(Guid agentId, CancellationToken ct = default);

    /// <summary>Adds the chat to the queue unless it is already queued or assigned.</summary>
    Task EnqueueAsync(QueuedChat chat, CancellationToken ct = default);

    /// <summary>The queue in service order.</summary>
    Task<IReadOnlyList<QueuedChat>> GetQueueAsync(CancellationToken ct = default);

    Task<bool> RemoveFromQueueAsync(Guid chatId, CancellationToken ct = default);

    /// <summary>Atomically moves a queued chat to an available agent under capacity. False if either has changed.</summary>
    Task<bool> TryAssignAsync(Guid chatId, Guid agentId, CancellationToken ct = default);

    /// <summary>Atomically moves an assigned chat from one agent to another available agent under capacity.</summary>
    Task<bool> TryTransferAsync(Guid chatId, Guid fromAgentId, Guid toAgentId, CancellationToken ct = default);

    Task<Guid?> GetAssignedAgentAsync(Guid chatId, CancellationToken ct = default);

    Task<IReadOnlyList<Guid>> GetChatsOfAgentAsync(Guid agentId, CancellationToken ct = default);

    /// <summary>
    /// Atomically moves a chat from <paramref name="fromAgentId"/> back into the queue (with <paramref name="chat"/>'s
    /// priority), freeing the agent's place. False, changing nothing, when the chat is not that agent's (any more).
    /// </summary>
    Task<bool> RequeueAsync(QueuedChat chat, Guid fromAgentId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Ends an assignment and frees the agent's capacity. False if the chat was not assigned.</summary>
    Task<bool> ReleaseAsync(Guid chatId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Re-records an assignment known from the database after the live state was lost. An agent the store
    /// does not know yet is recorded as offline, so the chat returns to the queue if they do not come back; a console
    /// of hers that reconnects within the grace keeps the chat, and is away (her presence was lost with the store).
    /// </summary>
    Task RestoreAssignmentAsync(QueuedChat chat, Guid agentId, CancellationToken ct = default);

    /// <summary>Tells the other nodes this node is alive; its agents' presence lasts while it does.</summary>
    Task HeartbeatAsync(CancellationToken ct = default);

    /// <summary>
    /// Puts back at the front of the queue the chats of agents that are gone: offline for longer than
    /// <paramref name="offlineGrace"/>, or connected to a node that stopped heartbeating. Returns those chats. A
    /// console that reconnects afterwards finds her offline.
    /// </summary>
    Task<IReadOnlyList<QueuedChat>> ReclaimLostChatsAsync(TimeSpan offlineGrace, CancellationToken ct = default);

    /// <summary>
    /// True on this node's first look, and whenever the store has lost its contents since this node last
    /// looked (e.g. Redis restarted empty): the node should then rebuild the live state from the database.
    /// </summary>
    Task<bool> WasResetAsync(CancellationToken ct = default);
}
