namespace SharedHotline.Client.Contracts;

/// <summary>
/// A stored chat message. <see cref="Seq"/> orders a chat's messages and drives replay after a reconnect.
/// <see cref="ContainsCpr"/> is true when the text looks like it holds a CPR number, so the agent can warn the citizen.
/// </summary>
public sealed record ChatMessage(
    Guid MessageId,
    Guid ChatId,
    long Seq,
    string ClientMessageId,
    Sender Sender,
    string? SenderName,
    string Text,
    DateTimeOffset SentAt,
    bool ContainsCpr = false);
