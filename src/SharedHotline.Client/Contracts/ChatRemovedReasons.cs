namespace SharedHotline.Client.Contracts;

/// <summary>Why a chat left an agent (<see cref="ChatRemoved.Reason"/>).</summary>
public static class ChatRemovedReasons
{
    /// <summary>She transferred it to a colleague.</summary>
    public const string Transferred = "transferred";

    /// <summary>She returned it to the queue, or an offer to her could not be completed and the chat waits again.</summary>
    public const string ReturnedToQueue = "returned to queue";

    /// <summary>She was gone past the grace (no console of hers connected, or her node lost): back at the front of the queue.</summary>
    public const string Reclaimed = "reclaimed";

    /// <summary>The chat ended; the reason is this followed by who ended it (<c>citizen</c>, <c>agent</c>, <c>admin</c>, ...).</summary>
    public const string EndedPrefix = "ended by ";
}
