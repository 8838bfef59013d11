using SharedHotline.Domain.Cases;

namespace SharedHotline.Server.Cases;

public sealed record MeetingTopicView(string Code, string Name, string NameEn, int Minutes);

public sealed record FreeTimeView(DateTimeOffset Start, DateTimeOffset End);

/// <summary>A telefonmøde (with <see cref="Start"/>) or, without it, a message for the kommune.</summary>
public sealed record CaseRequest(string? Topic, DateTimeOffset? Start, string? Phone, string? Name, string? Note);

public sealed record MoveRequest(DateTimeOffset? Start);

/// <summary>What the citizen gets back: the reference, the private status link and, for a meeting, its calendar file.</summary>
public sealed record CaseReceipt(string Reference, string Kommune, string Topic, DateTimeOffset ReceivedAt, DateTimeOffset? Start, Uri StatusUrl, Uri? CalendarUrl, string Text);

public sealed record CaseStepView(DateTimeOffset At, string Step, DateTimeOffset? MeetingStart);

/// <summary>The case as its citizen sees it on the status page; no staff names or notes.</summary>
public sealed record CaseStatusView(string Reference, string Kommune, string KommuneName, string Kind, string Topic, string TopicName, string State, DateTimeOffset? Start, int Minutes, bool Changeable, IReadOnlyList<CaseStepView> Steps);

/// <summary>A case in the staff's task list.</summary>
public sealed record TaskView(
    Guid Id,
    string Reference,
    string Kommune,
    string Kind,
    string Topic,
    string TopicName,
    string State,
    DateTimeOffset? Start,
    int Minutes,
    string? Name,
    string? Phone,
    string? Note,
    bool ContainsCpr,
    Guid? TakenBy,
    string? TakenByName,
    string? StaffNote,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CaseStepView> Steps);

public sealed record CallOutcomeRequest(bool Reached);

public sealed record StaffNoteRequest(string? Note);

public static class CaseWords
{
    public static string Wire(CaseState state) => state switch
    {
        CaseState.Received => "received",
        CaseState.Assigned => "assigned",
        CaseState.Reached => "reached",
        CaseState.NotReached => "not-reached",
        CaseState.Closed => "closed",
        _ => "cancelled",
    };

    public static string Wire(CaseStepKind step) => step switch
    {
        CaseStepKind.Received => "received",
        CaseStepKind.Taken => "taken",
        CaseStepKind.Reached => "reached",
        CaseStepKind.NotReached => "not-reached",
        CaseStepKind.Moved => "moved",
        CaseStepKind.Closed => "closed",
        _ => "cancelled",
    };

    public static IReadOnlyList<CaseStepView> Steps(IEnumerable<CaseStep> steps) =>
        steps.Select(s => new CaseStepView(s.At, Wire(s.Kind), s.MeetingStart)).ToList();
}
