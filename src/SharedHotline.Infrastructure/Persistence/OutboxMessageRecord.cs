using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// A domain event stored with the change that raised it (<see cref="Outbox"/>). A publisher claims it for a while
/// (<see cref="ClaimedBy"/>, <see cref="ClaimedUntil"/>), publishes it and marks it <see cref="SentAt"/>; a claim
/// that runs out (its node died) is taken by the next publisher, so an event goes out at least once.
/// </summary>
public sealed class OutboxMessageRecord
{
    public long Id { get; set; }
    public Guid EventId { get; set; }

    /// <summary>The event's type name in <c>SharedHotline.Domain.Events</c>.</summary>
    public required string Type { get; set; }

    public required string Payload { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The W3C trace context of the change that raised the event, so its publish and consumers join that trace.</summary>
    public string? TraceParent { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessageRecord>
{
    public void Configure(EntityTypeBuilder<OutboxMessageRecord> e)
    {
        e.ToTable("outbox");
        e.HasKey(o => o.Id);
        e.HasIndex(o => o.EventId).IsUnique();
        e.HasIndex(o => new { o.SentAt, o.Id });
        e.Property(o => o.Type).HasMaxLength(64);
        e.Property(o => o.ClaimedBy).HasMaxLength(64);
        e.Property(o => o.TraceParent).HasMaxLength(64);
    }
}
