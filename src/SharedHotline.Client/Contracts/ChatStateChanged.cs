namespace SharedHotline.Client.Contracts;

public sealed record ChatStateChanged(Guid ChatId, ChatStatus Status, string? AgentName, DateTimeOffset At);
