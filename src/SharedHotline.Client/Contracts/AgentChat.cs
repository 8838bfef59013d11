namespace SharedHotline.Client.Contracts;

/// <summary>A chat as an agent sees it: the citizen's kommune and topic, the kommune's canned answers and self-service links, and the page it was invited from.</summary>
public sealed record AgentChat(
    Guid ChatId,
    string Reference,
    string Kommune,
    string KommuneName,
    string Topic,
    string? CitizenName,
    ChatStatus Status,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ChatMessage> Messages,
    IReadOnlyList<CannedAnswerDto> CannedAnswers,
    IReadOnlyList<LinkDto> SelfServiceLinks,
    InvitedFrom? InvitedFrom = null);

public sealed record CannedAnswerDto(string Title, string Text);

public sealed record LinkDto(string Title, string Url);
