namespace SharedHotline.Client.Contracts;

/// <summary>The server's receipt: the message is stored. <see cref="Duplicate"/> is true for a resend of a stored message.</summary>
public sealed record MessageAck(Guid MessageId, Guid ChatId, long Seq, string ClientMessageId, DateTimeOffset SentAt, bool Duplicate);
