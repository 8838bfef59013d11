namespace SharedHotline.Client.Contracts;

/// <summary>Why a chat left an agent (<see cref="ChatRemoved.Reason"/>): a code, never text to be read. The web console's list is src/shared/codes.ts.</summary>
public static class ChatRemovedReasons
{
    /// <summary>She transferred it to a colleague.</summary>
    public const string Transferred = "transferred";

    /// <summary>She returned it to the queue, or an offer to her could not be completed and the chat waits again.</summary>
    public const string ReturnedToQueue = "returned_to_queue";

    /// <summary>She was gone past the grace (no console of hers connected, or her node lost): back at the front of the queue.</summary>
    public const string Reclaimed = "reclaimed";

    /// <summary>The chat ended; <see cref="ChatRemoved.EndedBy"/> says who ended it (<c>citizen</c>, <c>agent</c>, <c>admin</c>, ...).</summary>
    public const string Ended = "ended";

    /// <summary>Every reason, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Transferred, ReturnedToQueue, Reclaimed, Ended];
}
