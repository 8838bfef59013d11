using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Infrastructure.Persistence;

public sealed class KommuneRecord
{
    public int Kode { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required KommuneSettings Settings { get; set; }

    /// <summary>Optimistic concurrency token of the settings, incremented on every change (the settings' ETag).</summary>
    public int Version { get; set; }

    public Kommune ToDomain() => new(Kode, Slug, Name, Settings);
}
