using SharedHotline.Domain.Rota;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>A partnership's whole rota as one versioned document: one ETag guards every edit.</summary>
public sealed class PartnershipRecord
{
    public required string Id { get; set; }
    public required Partnership Rota { get; set; }

    /// <summary>Optimistic concurrency token, incremented on every published change.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
