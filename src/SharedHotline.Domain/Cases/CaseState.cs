namespace SharedHotline.Domain.Cases;

/// <summary>A telefonmøde booked for a time, or a message left for the kommune ("skriv til os").</summary>
public enum CaseKind
{
    Meeting,
    Message,
}

/// <summary>Where a case is: modtaget, tildelt, ringet op / ikke truffet, afsluttet, or aflyst by the citizen.</summary>
public enum CaseState
{
    Received,
    Assigned,
    Reached,
    NotReached,
    Closed,
    Cancelled,
}

/// <summary>One step of a case, as the citizen's status page and the staff's task list show it.</summary>
public enum CaseStepKind
{
    Received,
    Taken,
    Reached,
    NotReached,
    Moved,
    Closed,
    Cancelled,
}

public sealed record CaseStep(DateTimeOffset At, CaseStepKind Kind, string? By = null, DateTimeOffset? MeetingStart = null);
