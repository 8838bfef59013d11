namespace SharedHotline.Domain.Chats;

/// <summary>Queued -> Assigned -> Active -> Ended; Queued -> Abandoned.</summary>
public enum ChatState
{
    Queued,
    Assigned,
    Active,
    Ended,
    Abandoned,
}
