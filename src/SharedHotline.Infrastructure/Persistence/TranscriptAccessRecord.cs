namespace SharedHotline.Infrastructure.Persistence;

/// <summary>One read of a transcript by a staff member: who, when, which chat of which kommune, and on what ground.</summary>
public sealed class TranscriptAccessRecord
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The kommune that owns the chat (the data controller): its admin exports this log.</summary>
    public int KommuneKode { get; set; }

    public Guid ChatId { get; set; }
    public required string ChatReference { get; set; }
    public Guid StaffId { get; set; }
    public required string StaffName { get; set; }
    public int StaffKommune { get; set; }

    /// <summary><c>home-kommune</c> (staff of the owning kommune) or <c>handled-chat</c> (the agent who answered it).</summary>
    public required string Reason { get; set; }
}
