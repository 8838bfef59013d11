namespace SharedHotline.Server.Invitations;

/// <summary>What the widget needs to know to decide when to ask: the page rules without the rest of the settings.</summary>
public sealed record InvitationRulesView(bool Enabled, IReadOnlyList<InvitationPageRule> Pages, bool OnFailedStep);

public sealed record InvitationPageRule(string Pattern, int DelaySeconds);

/// <summary>
/// The widget asks whether to invite on this page now: the page's address (origin and path; the widget never sends the
/// query) and title, what triggered the question (<c>time</c> or <c>failed-step</c>) and, for a failed step, its topic.
/// </summary>
public sealed record InvitationRequest(string? PageUrl, string? PageTitle, string? Trigger, string? Topic, string? Lang);

/// <summary>
/// The server's answer: an invitation (its id, text, topic and how long it holds its place) or why not, as one of
/// <see cref="InvitationRefusals"/>. A "no" is an ordinary answer (200), not an error.
/// </summary>
public sealed record InvitationAnswer(bool Invite, string? Reason, Guid? InvitationId, string? Text, string? Topic, int ExpiresInSeconds);

/// <summary>Why the server did not invite.</summary>
public static class InvitationRefusals
{
    public const string Off = "off";
    public const string Page = "page";
    public const string Hours = "hours";
    public const string Closed = "closed";
    public const string Busy = "busy";
    public const string Wait = "wait";
}
