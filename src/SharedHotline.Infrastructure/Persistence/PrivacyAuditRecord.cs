namespace SharedHotline.Infrastructure.Persistence;

/// <summary>A deletion of citizens' data: a chat deleted on request or by retention, or expired call-back requests.</summary>
public sealed class PrivacyAuditRecord
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int KommuneKode { get; set; }

    /// <summary><c>chat-deleted</c>, <c>callback-deleted</c> (one, on request) or <c>callbacks-deleted</c> (expired).</summary>
    public required string Action { get; set; }

    /// <summary><c>citizen-request</c> or <c>retention</c>.</summary>
    public required string Reason { get; set; }

    public Guid? ChatId { get; set; }
    /// <summary>The reference of the deleted chat or call-back request.</summary>
    public string? ChatReference { get; set; }

    /// <summary>How many rows went: messages of the chat, or call-back requests.</summary>
    public int ItemsDeleted { get; set; }

    /// <summary>The admin who asked, or null for the retention job.</summary>
    public Guid? ActorId { get; set; }

    public string? ActorName { get; set; }
}
