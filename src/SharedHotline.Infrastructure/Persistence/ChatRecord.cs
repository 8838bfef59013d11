using SharedHotline.Domain.Chats;

namespace SharedHotline.Infrastructure.Persistence;

public sealed class ChatRecord
{
    public Guid Id { get; set; }

    /// <summary>What the citizen can quote on the phone, e.g. "SOR-4K7Q2M".</summary>
    public required string Reference { get; set; }

    public int KommuneKode { get; set; }
    public required string Topic { get; set; }
    public string? CitizenName { get; set; }
    public ChatState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? AgentId { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }

    /// <summary>When a connection of the citizen was last seen (each node stamps the chats of its connections); a queued chat long without one is abandoned.</summary>
    public DateTimeOffset? CitizenSeenAt { get; set; }

    /// <summary>When the hotline closed on this waiting chat and its citizen was told it waits for the next opening.</summary>
    public DateTimeOffset? HeldOverAt { get; set; }

    /// <summary>When an agent first accepted the chat: the end of the citizen's wait, kept through transfers.</summary>
    public DateTimeOffset? FirstAcceptedAt { get; set; }

    /// <summary>The home kommune of the agent who first accepted the chat: whose staff answered, for the settlement.</summary>
    public int? AnsweredByKommune { get; set; }

    /// <summary>Where it was answered: in the kommune's own hours, on the partnership's slot, or by overflow.</summary>
    public Domain.Statistics.ServedIn? ServedIn { get; set; }

    /// <summary>A keyed hash of the citizen's IP address, only to cap queued chats per network; deleted with the chat.</summary>
    public string? OriginHash { get; set; }

    /// <summary>The page of the kommune's website whose invitation the citizen accepted (origin and path only), for the agent.</summary>
    public string? InvitedFromUrl { get; set; }

    /// <summary>That page's title.</summary>
    public string? InvitedFromTitle { get; set; }

    /// <summary>
    /// Counts the changes of who holds the chat (offer, accept, transfer, return, end): a change made on what was read
    /// is written only while the row still has the version read, else the row is read again and the change decided anew.
    /// </summary>
    public long Version { get; set; }

    public List<ChatMessageRecord> Messages { get; set; } = [];
}
