using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Events;

namespace SharedHotline.Domain.Cases;

/// <summary>
/// A request a citizen left outside the chat: a telefonmøde at a booked time, or a message. It moves from received
/// to taken by one staff member of the kommune, to reached or not reached (tried again later), to closed; the
/// citizen may cancel or move a meeting until <see cref="ChangeDeadline"/> before it. Each transition is guarded,
/// appends a step the citizen's status page shows, and raises an event.
/// </summary>
public sealed class Case
{
    public static readonly TimeSpan ChangeDeadline = TimeSpan.FromHours(2);

    private readonly List<CaseStep> _steps;
    private readonly List<IDomainEvent> _events = [];

    public Case(Guid id, string reference, int kommuneKode, CaseKind kind, string topic, DateTimeOffset? meetingStart, IEnumerable<CaseStep> steps, CaseState state, Guid? takenBy)
    {
        Id = id;
        Reference = reference;
        KommuneKode = kommuneKode;
        Kind = kind;
        Topic = topic;
        MeetingStart = meetingStart;
        _steps = steps.ToList();
        State = state;
        TakenBy = takenBy;
    }

    public Guid Id { get; }
    public string Reference { get; }
    public int KommuneKode { get; }
    public CaseKind Kind { get; }
    public string Topic { get; }
    public DateTimeOffset? MeetingStart { get; private set; }
    public CaseState State { get; private set; }
    public Guid? TakenBy { get; private set; }
    public IReadOnlyList<CaseStep> Steps => _steps;
    public IReadOnlyList<IDomainEvent> Events => _events;

    public bool IsOpen => State is not (CaseState.Closed or CaseState.Cancelled);

    public static Case Receive(Guid id, string reference, int kommuneKode, CaseKind kind, string topic, DateTimeOffset? meetingStart, DateTimeOffset now)
    {
        if (kind == CaseKind.Meeting && meetingStart is null)
        {
            throw new HotlineException(HotlineErrorCode.InvalidArgument, "A telefonmøde needs a time.");
        }

        var received = new Case(id, reference, kommuneKode, kind, topic, meetingStart, [new CaseStep(now, CaseStepKind.Received, MeetingStart: meetingStart)], CaseState.Received, null);
        received._events.Add(new CaseReceived(id, kommuneKode, kind, topic, meetingStart, now));
        return received;
    }

    /// <summary>A staff member takes the case; nobody else can while she holds it.</summary>
    public void Take(Guid staffId, string staffName, DateTimeOffset now)
    {
        Require(IsOpen, "The case is closed.");
        Require(TakenBy is null || TakenBy == staffId, "A colleague has already taken this case.");
        if (TakenBy == staffId)
        {
            return;
        }

        TakenBy = staffId;
        State = CaseState.Assigned;
        _steps.Add(new CaseStep(now, CaseStepKind.Taken, staffName));
        _events.Add(new CaseTaken(Id, KommuneKode, staffId, now));
    }

    /// <summary>The outcome of a call: reached, or not reached (the case stays open for another try).</summary>
    public void RecordCall(Guid staffId, bool reached, DateTimeOffset now)
    {
        Require(IsOpen, "The case is closed.");
        Require(TakenBy == staffId, "Take the case before recording a call.");
        State = reached ? CaseState.Reached : CaseState.NotReached;
        _steps.Add(new CaseStep(now, reached ? CaseStepKind.Reached : CaseStepKind.NotReached));
        _events.Add(new CaseCallRecorded(Id, KommuneKode, staffId, reached, now));
    }

    public void Close(Guid staffId, DateTimeOffset now)
    {
        Require(IsOpen, "The case is already closed.");
        Require(TakenBy == staffId, "Take the case before closing it.");
        State = CaseState.Closed;
        _steps.Add(new CaseStep(now, CaseStepKind.Closed));
        _events.Add(new CaseClosed(Id, KommuneKode, staffId, now));
    }

    public void Cancel(DateTimeOffset now)
    {
        RequireChangeable(now);
        State = CaseState.Cancelled;
        _steps.Add(new CaseStep(now, CaseStepKind.Cancelled));
        _events.Add(new CaseCancelled(Id, KommuneKode, now));
    }

    public void Move(DateTimeOffset newStart, DateTimeOffset now)
    {
        RequireChangeable(now);
        Require(Kind == CaseKind.Meeting, "Only a telefonmøde has a time to move.");
        MeetingStart = newStart;
        _steps.Add(new CaseStep(now, CaseStepKind.Moved, MeetingStart: newStart));
        _events.Add(new CaseMoved(Id, KommuneKode, newStart, now));
    }

    /// <summary>
    /// The staff member who holds the meeting agreed another time with the citizen (or could not reach her and
    /// offers a new one): no deadline applies, the case stays with her and starts again from "taken".
    /// </summary>
    public void Reschedule(Guid staffId, DateTimeOffset newStart, DateTimeOffset now)
    {
        Require(IsOpen, "The case is closed.");
        Require(Kind == CaseKind.Meeting, "Only a telefonmøde has a time to move.");
        Require(TakenBy == staffId, "Take the case before moving the meeting.");
        Require(newStart > now, "Choose a time that has not passed.");
        MeetingStart = newStart;
        State = CaseState.Assigned;
        _steps.Add(new CaseStep(now, CaseStepKind.Moved, MeetingStart: newStart));
        _events.Add(new CaseMoved(Id, KommuneKode, newStart, now));
    }

    /// <summary>Whether the citizen may still cancel or move it: open, nobody has called yet, and not too close to the time.</summary>
    public bool IsChangeable(DateTimeOffset now) =>
        IsOpen && State is CaseState.Received or CaseState.Assigned && (MeetingStart is not { } start || start - now >= ChangeDeadline);

    private void RequireChangeable(DateTimeOffset now)
    {
        Require(IsOpen, "The case is closed.");
        Require(IsChangeable(now), $"A telefonmøde can be cancelled or moved until {ChangeDeadline.TotalHours:0} hours before it, and not after the kommune has called.");
    }

    private static void Require(bool condition, string refusal)
    {
        if (!condition)
        {
            throw new HotlineException(HotlineErrorCode.CaseConflict, refusal);
        }
    }
}

public sealed record CaseReceived(Guid CaseId, int KommuneKode, CaseKind Kind, string Topic, DateTimeOffset? MeetingStart, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

public sealed record CaseTaken(Guid CaseId, int KommuneKode, Guid StaffId, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

public sealed record CaseCallRecorded(Guid CaseId, int KommuneKode, Guid StaffId, bool Reached, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

public sealed record CaseClosed(Guid CaseId, int KommuneKode, Guid StaffId, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

public sealed record CaseCancelled(Guid CaseId, int KommuneKode, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}

public sealed record CaseMoved(Guid CaseId, int KommuneKode, DateTimeOffset MeetingStart, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}
