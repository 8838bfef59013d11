namespace SharedHotline.Client.Contracts;

/// <summary>A chat left an agent's desk: ended, transferred away or returned to the queue.</summary>
public sealed record ChatRemoved(Guid ChatId, string Reason);
