using SharedHotline.Client.Contracts;

namespace SharedHotline.Server.Transcripts;

/// <summary>A chat's whole stored history, as K's staff or the agent who handled it read it.</summary>
public sealed record TranscriptView(
    Guid ChatId,
    string Reference,
    string Kommune,
    string Topic,
    string? CitizenName,
    ChatStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    bool ContainsCpr,
    IReadOnlyList<ChatMessage> Messages);

/// <summary>One line of the transcript access log.</summary>
public sealed record TranscriptAccessView(
    DateTimeOffset At,
    Guid ChatId,
    string ChatReference,
    Guid StaffId,
    string StaffName,
    string StaffKommune,
    string Reason);
