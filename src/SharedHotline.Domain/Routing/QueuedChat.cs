namespace SharedHotline.Domain.Routing;

/// <summary>A chat waiting for an agent. Chats put back by a transfer or a lost node carry <see cref="Priority"/>.</summary>
public sealed record QueuedChat(Guid ChatId, int KommuneKode, string Topic, DateTimeOffset EnqueuedAt, bool Priority = false)
{
    /// <summary>Arrival order given by the live-state store; breaks ties between chats queued at the same instant.</summary>
    public long Arrival { get; init; }

    /// <summary>
    /// The agent who returned the chat to the queue, if one did: routing never offers it back to her (she handed it
    /// on for a reason), though she may still take it from the queue herself.
    /// </summary>
    public Guid? ReturnedBy { get; init; }
}
