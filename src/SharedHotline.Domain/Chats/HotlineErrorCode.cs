namespace SharedHotline.Domain.Chats;

/// <summary>The typed errors a hub call or endpoint can answer with. The wire form is the snake_case name.</summary>
public enum HotlineErrorCode
{
    KommuneNotFound,
    TopicNotFound,
    HotlineClosed,
    MessageEmpty,
    MessageTooLong,
    MessageInvalid,
    InvalidArgument,
    SessionInvalid,
    ChatNotFound,
    ChatNotAccessible,
    ChatEnded,
    AgentUnavailable,
    AgentAtCapacity,
    NotAuthorized,
    RateLimited,
    AgentUnknown,
    TransferToSelf,
    AgentHasChats,
    ChatNotAccepted,
    CaseNotFound,
    CaseConflict,
    MeetingTimeTaken,
}
