namespace SharedHotline.Client.Contracts;

/// <summary>The waiting chats an agent could answer now.</summary>
public sealed record QueueOverview(int Waiting, int? LongestWaitSeconds, IReadOnlyList<QueuedChatSummary> Chats);

public sealed record QueuedChatSummary(Guid ChatId, string Kommune, string Topic, DateTimeOffset QueuedAt);
