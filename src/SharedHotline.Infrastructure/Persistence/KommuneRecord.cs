using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Infrastructure.Persistence;

public sealed class KommuneRecord
{
    public int Kode { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required KommuneSettings Settings { get; set; }

    public Kommune ToDomain() => new(Kode, Slug, Name, Settings);
}
