using NodaTime;

namespace SharedHotline.Domain.Statistics;

/// <summary>
/// One finished chat as statistics sees it: times, kommuner and topic, never who the citizen is or what was written.
/// A chat is answered when <see cref="AcceptedAt"/> is set; it is <see cref="Abandoned"/> when the citizen left before
/// that. A chat can be neither (the system ended it unanswered, e.g. at closing time): it is offered, not answered.
/// </summary>
/// <param name="KommuneKode">The citizen's kommune: the statistics bucket the chat belongs to.</param>
/// <param name="Topic">The topic code the citizen chose.</param>
/// <param name="AnsweredByKommune">The kommune of the agent who accepted the chat; null when unanswered.</param>
/// <param name="ServedIn">Own hours, shared slot or overflow; null when unanswered.</param>
public sealed record ChatOutcome(
    Guid ChatId,
    int KommuneKode,
    string Topic,
    Instant StartedAt,
    Instant? AcceptedAt,
    Instant EndedAt,
    int? AnsweredByKommune,
    ServedIn? ServedIn,
    bool Abandoned)
{
    public Instant? AcceptedAt { get; init; } = AcceptedAt is { } accepted && (accepted < StartedAt || accepted > EndedAt)
        ? throw new ArgumentOutOfRangeException(nameof(AcceptedAt), "A chat is accepted between its start and its end.")
        : AcceptedAt;

    public Instant EndedAt { get; init; } = EndedAt < StartedAt
        ? throw new ArgumentOutOfRangeException(nameof(EndedAt), "A chat ends after it starts.")
        : EndedAt;

    public bool Abandoned { get; init; } = Abandoned && AcceptedAt is not null
        ? throw new ArgumentException("An accepted chat was not abandoned.", nameof(Abandoned))
        : Abandoned;

    /// <summary>True when an agent accepted the chat.</summary>
    public bool Answered => AcceptedAt is not null;

    /// <summary>How long the citizen waited: until accepted, or until the end when nobody accepted.</summary>
    public Duration Wait => (AcceptedAt ?? EndedAt) - StartedAt;

    /// <summary>From acceptance to the end; null when unanswered.</summary>
    public Duration? HandleTime => AcceptedAt is { } accepted ? EndedAt - accepted : null;
}
