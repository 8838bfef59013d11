namespace SharedHotline.Domain.Routing;

/// <summary>A chat waiting for an agent. Chats put back by a transfer or a lost node carry <see cref="Priority"/>.</summary>
public sealed record QueuedChat(Guid ChatId, int KommuneKode, string Topic, DateTimeOffset EnqueuedAt, bool Priority = false)
{
    /// <summary>Arrival order given by the live-state store; breaks ties between chats queued at the same instant.</summary>
    public long Arrival { get; init; }
}
