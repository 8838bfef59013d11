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

    /// <summary>A keyed hash of the citizen's IP address, only to cap queued chats per network; deleted with the chat.</summary>
    public string? OriginHash { get; set; }

    public List<ChatMessageRecord> Messages { get; set; } = [];
}
