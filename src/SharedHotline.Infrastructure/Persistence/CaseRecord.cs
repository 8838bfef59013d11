using SharedHotline.Domain.Cases;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// A case a citizen left outside the chat: a telefonmøde booked for a time, or a message (formerly a call-back
/// request). The database is the one authority for who holds it: <see cref="Version"/> is its concurrency token.
/// </summary>
public sealed class CaseRecord
{
    public Guid Id { get; set; }
    public required string Reference { get; set; }
    public int KommuneKode { get; set; }
    public CaseKind Kind { get; set; }
    public required string Topic { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? PreferredTime { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the telefonmøde starts; null for a message.</summary>
    public DateTimeOffset? MeetingStart { get; set; }

    public int MeetingMinutes { get; set; }
    public CaseState State { get; set; }
    public Guid? TakenBy { get; set; }
    public string? TakenByName { get; set; }

    /// <summary>What happened, in order (JSON); the citizen's status page and the task list show it.</summary>
    public List<CaseStep> Steps { get; set; } = [];

    /// <summary>Staff's internal note; never shown to the citizen.</summary>
    public string? StaffNote { get; set; }

    /// <summary>SHA-256 of the secret in the citizen's status link (the link itself is not stored).</summary>
    public string StatusTokenHash { get; set; } = "";

    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; }

    public Case ToCase() => new(Id, Reference, KommuneKode, Kind, Topic, MeetingStart, Steps, State, TakenBy);

    /// <summary>Takes the aggregate's state after a transition; the version moves on so a concurrent writer conflicts.</summary>
    public void Apply(Case changed, string? takenByName = null)
    {
        MeetingStart = changed.MeetingStart;
        State = changed.State;
        TakenBy = changed.TakenBy;
        TakenByName = takenByName ?? TakenByName;
        Steps = changed.Steps.ToList();
        ClosedAt = changed.IsOpen ? null : changed.Steps[^1].At;
        Version++;
    }
}

/// <summary>
/// One booked place of a telefonmøde time: a time has as many places as staff who take the topic, and the unique
/// index on (kommune, topic, start, place) makes two bookings of the last place one database decision.
/// </summary>
public sealed class MeetingPlaceRecord
{
    public int KommuneKode { get; set; }
    public required string Topic { get; set; }
    public DateTimeOffset Start { get; set; }
    public int Place { get; set; }
    public Guid CaseId { get; set; }
}
