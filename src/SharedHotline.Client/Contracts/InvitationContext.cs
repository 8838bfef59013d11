namespace SharedHotline.Client.Contracts;

/// <summary>
/// The invitation a chat was started from: its id (so its held place goes to the chat) and the page of the kommune's
/// website it was shown on (origin and path; the title), which the agent sees as the chat's context.
/// </summary>
public sealed record InvitationContext(Guid InvitationId, string PageUrl, string? PageTitle);
