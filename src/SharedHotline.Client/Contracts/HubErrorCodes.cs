namespace SharedHotline.Client.Contracts;

/// <summary>The typed hub errors (the wire code before the colon of a hub error message).</summary>
public static class HubErrorCodes
{
    public const string KommuneNotFound = "kommune_not_found";
    public const string TopicNotFound = "topic_not_found";
    public const string HotlineClosed = "hotline_closed";
    public const string MessageEmpty = "message_empty";
    public const string MessageTooLong = "message_too_long";
    public const string MessageInvalid = "message_invalid";
    public const string InvalidArgument = "invalid_argument";
    public const string SessionInvalid = "session_invalid";
    public const string ChatNotFound = "chat_not_found";
    public const string ChatNotAccessible = "chat_not_accessible";
    public const string ChatEnded = "chat_ended";
    public const string AgentUnavailable = "agent_unavailable";
    public const string AgentAtCapacity = "agent_at_capacity";
    public const string NotAuthorized = "not_authorized";
    public const string RateLimited = "rate_limited";
    public const string AgentUnknown = "agent_unknown";
    public const string TransferToSelf = "transfer_to_self";
    public const string AgentHasChats = "agent_has_chats";
    public const string ChatNotAccepted = "chat_not_accepted";
    public const string CaseNotFound = "case_not_found";
    public const string CaseConflict = "case_conflict";
    public const string MeetingTimeTaken = "meeting_time_taken";
    public const string Unavailable = "service_unavailable";
    public const string Internal = "internal_error";
}
