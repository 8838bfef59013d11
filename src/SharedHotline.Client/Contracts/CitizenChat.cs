namespace SharedHotline.Client.Contracts;

/// <summary>
/// A citizen's chat as the citizen sees it. <see cref="SessionToken"/> is signed and expiring; it is the only
/// thing that lets a browser resume or write to this chat.
/// </summary>
public sealed record CitizenChat(
    Guid ChatId,
    string Reference,
    string SessionToken,
    string Kommune,
    string Topic,
    ChatStatus Status,
    string? AgentName,
    QueueStatus? Queue,
    IReadOnlyList<ChatMessage> Messages);
