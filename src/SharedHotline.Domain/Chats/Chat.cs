using SharedHotline.Domain.Events;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Chats;

/// <summary>
/// A chat's life cycle as one aggregate: Queued -> Assigned (offered) -> Active (accepted) -> Ended, back to Queued when
/// returned, Queued -> Abandoned when nobody took it. Each transition checks that it is allowed, changes the holder
/// facts together, and returns the domain event to store with the change; the store then writes it only while the row
/// is still open (an ending elsewhere always wins).
/// </summary>
public sealed class Chat
{
    private Chat(Guid id, int kommuneKode, string topic, DateTimeOffset createdAt)
    {
        Id = id;
        KommuneKode = kommuneKode;
        Topic = topic;
        CreatedAt = createdAt;
    }

    public Guid Id { get; }
    public int KommuneKode { get; }
    public string Topic { get; }
    public DateTimeOffset CreatedAt { get; }
    public ChatState State { get; private set; }
    public Guid? AgentId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndedBy { get; private set; }

    /// <summary>When an agent first accepted the chat: the end of the citizen's wait, kept through transfers.</summary>
    public DateTimeOffset? FirstAcceptedAt { get; private set; }

    /// <summary>The home kommune of the agent who first accepted it, for the settlement.</summary>
    public int? AnsweredByKommune { get; private set; }

    public ServedIn? ServedIn { get; private set; }

    /// <summary>The one rule for "is the chat still open": neither ended nor abandoned.</summary>
    public bool IsOpen => IsOpenIn(State);

    public static bool IsOpenIn(ChatState state) => state is not (ChatState.Ended or ChatState.Abandoned);

    /// <summary>The states in which each side may write to the chat; the message store checks the same list in its one statement.</summary>
    public static IReadOnlyList<ChatState> WritableBy(ChatWriter writer) => writer == ChatWriter.Citizen ? CitizenWritable : AgentWritable;

    private static readonly ChatState[] CitizenWritable = [ChatState.Queued, ChatState.Assigned, ChatState.Active];
    private static readonly ChatState[] AgentWritable = [ChatState.Active];

    /// <summary>Who may write now: the citizen while the chat is open; an agent only once she has accepted it and holds it.</summary>
    public bool MayWrite(ChatWriter writer, Guid? agentId = null) =>
        WritableBy(writer).Contains(State) && (writer == ChatWriter.Citizen || AgentId == agentId);

    public static Chat Start(Guid id, int kommuneKode, string topic, DateTimeOffset at) => new(id, kommuneKode, topic, at);

    /// <summary>The chat as stored; no rule is checked, as these facts were written through the transitions.</summary>
    public static Chat Restore(StoredChat facts) => new(facts.Id, facts.KommuneKode, facts.Topic, facts.CreatedAt)
    {
        State = facts.State,
        AgentId = facts.AgentId,
        AssignedAt = facts.AssignedAt,
        AcceptedAt = facts.AcceptedAt,
        EndedAt = facts.EndedAt,
        EndedBy = facts.EndedBy,
        FirstAcceptedAt = facts.FirstAcceptedAt,
        AnsweredByKommune = facts.AnsweredByKommune,
        ServedIn = facts.ServedIn,
    };

    public StoredChat Facts => new(Id, KommuneKode, Topic, CreatedAt, State, AgentId, AssignedAt, AcceptedAt, EndedAt, EndedBy, FirstAcceptedAt, AnsweredByKommune, ServedIn);

    /// <summary>Routing gives the chat to an agent, who is offered it to accept.</summary>
    public ChatAssigned Offer(Guid agentId, int agentKommune, DateTimeOffset at)
    {
        RequireOpen();
        (State, AgentId, AssignedAt, AcceptedAt) = (ChatState.Assigned, agentId, at, null);
        return new ChatAssigned(Id, KommuneKode, agentId, agentKommune, at);
    }

    /// <summary>
    /// The agent accepts the chat offered to her, or takes it from a queue she may answer (<paramref name="takenFromQueue"/>:
    /// then the assignment's event too). Who first answered, and where, is written once and kept through transfers.
    /// </summary>
    public ChatAssigned? Accept(Guid agentId, int agentKommune, Func<ServedIn> servedIn, DateTimeOffset at, bool takenFromQueue)
    {
        ArgumentNullException.ThrowIfNull(servedIn);
        RequireOpen();
        (State, AgentId, AcceptedAt) = (ChatState.Active, agentId, at);
        AssignedAt ??= at;
        if (FirstAcceptedAt is null)
        {
            (FirstAcceptedAt, AnsweredByKommune, ServedIn) = (at, agentKommune, servedIn());
        }

        return takenFromQueue ? new ChatAssigned(Id, KommuneKode, agentId, agentKommune, at) : null;
    }

    /// <summary>The agent holding the chat hands it to a colleague, who is offered it to accept.</summary>
    public ChatTransferred Transfer(Guid fromAgentId, Guid toAgentId, DateTimeOffset at)
    {
        RequireOpen();
        if (toAgentId == fromAgentId)
        {
            throw new HotlineException(HotlineErrorCode.TransferToSelf, "The chat is yours already; choose a colleague, or none to return it to the queue.");
        }

        (State, AgentId, AssignedAt, AcceptedAt) = (ChatState.Assigned, toAgentId, at, null);
        return new ChatTransferred(Id, KommuneKode, fromAgentId, toAgentId, at);
    }

    /// <summary>The agent returns the chat to the front of the queue.</summary>
    public ChatTransferred ReturnToQueue(Guid fromAgentId, DateTimeOffset at)
    {
        RequireOpen();
        WaitAgain();
        return new ChatTransferred(Id, KommuneKode, fromAgentId, null, at);
    }

    /// <summary>
    /// The chat waits for an agent again (returned, an offer that failed, an agent lost): no holder, not accepted, so
    /// the time until it went back is no handle time. False, and nothing changed, for a chat that is no longer open.
    /// </summary>
    public bool WaitAgain()
    {
        if (!IsOpen)
        {
            return false;
        }

        (State, AgentId, AcceptedAt) = (ChatState.Queued, null, null);
        return true;
    }

    /// <summary>
    /// Ends the chat: by the citizen, the agent or the system (a <c>ChatStateReasons</c> code). A chat nobody took is
    /// abandoned rather than ended. Ending a closed chat is refused: the first ending is the one that counts.
    /// </summary>
    public IDomainEvent End(string endedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endedBy);
        RequireOpen();
        var agentId = AgentId;
        (State, EndedAt, EndedBy) = (State == ChatState.Queued ? ChatState.Abandoned : ChatState.Ended, at, endedBy);
        return State == ChatState.Abandoned
            ? new ChatAbandoned(Id, KommuneKode, at)
            : new ChatEnded(Id, KommuneKode, agentId, endedBy, at);
    }

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new HotlineException(HotlineErrorCode.ChatEnded, "The chat has ended.");
        }
    }
}

/// <summary>Who writes a message to a chat (system notes are the server's own and always stored).</summary>
public enum ChatWriter
{
    Citizen,
    Agent,
}

/// <summary>A chat's life-cycle facts as stored: what <see cref="Chat.Restore"/> reads and <see cref="Chat.Facts"/> gives back.</summary>
public sealed record StoredChat(
    Guid Id,
    int KommuneKode,
    string Topic,
    DateTimeOffset CreatedAt,
    ChatState State,
    Guid? AgentId,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? EndedAt,
    string? EndedBy,
    DateTimeOffset? FirstAcceptedAt,
    int? AnsweredByKommune,
    ServedIn? ServedIn);
