namespace SharedHotline.Client.Contracts;

public sealed record TypingSignal(Guid ChatId, Sender Sender, bool IsTyping);
