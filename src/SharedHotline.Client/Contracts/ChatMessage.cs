namespace SharedHotline.Client.Contracts;

/// <summary>A stored chat message. <see cref="Seq"/> orders a chat's messages and drives replay after a reconnect.</summary>
public sealed record ChatMessage(
    Guid MessageId,
    Guid ChatId,
    long Seq,
    string ClientMessageId,
    Sender Sender,
    string? SenderName,
    string Text,
    DateTimeOffset SentAt);
