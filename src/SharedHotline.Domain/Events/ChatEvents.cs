namespace SharedHotline.Domain.Events;

// The chat life cycle as domain events, stored in the outbox with the change and published after commit. They carry ids,
// kommune and topic, never what a citizen wrote: statistics and settlement are built from them.

/// <summary>A citizen of <paramref name="KommuneKode"/> opened a chat; <paramref name="Mode"/> is own or shared hours.</summary>
public sealed record ChatStarted(Guid ChatId, int KommuneKode, string Topic, string Mode, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

/// <summary>Routing (or the agent taking it from the queue) gave the chat to an agent of <paramref name="AgentKommune"/>.</summary>
public sealed record ChatAssigned(Guid ChatId, int KommuneKode, Guid AgentId, int AgentKommune, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

/// <summary>A message was stored as number <paramref name="Seq"/> of the chat.</summary>
public sealed record ChatMessageStored(Guid ChatId, int KommuneKode, long Seq, string Sender, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

/// <summary>The chat moved from one agent to another, or back to the queue when <paramref name="ToAgentId"/> is null.</summary>
public sealed record ChatTransferred(Guid ChatId, int KommuneKode, Guid FromAgentId, Guid? ToAgentId, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

/// <summary>The chat ended, by the citizen, the agent or the system.</summary>
public sealed record ChatEnded(Guid ChatId, int KommuneKode, Guid? AgentId, string EndedBy, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

/// <summary>The citizen left before anyone took the chat.</summary>
public sealed record ChatAbandoned(Guid ChatId, int KommuneKode, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}
