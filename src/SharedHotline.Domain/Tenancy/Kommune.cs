namespace SharedHotline.Domain.Tenancy;

/// <summary>A municipality: the tenant. <see cref="Kode"/> is the stable key, <see cref="Slug"/> what requests carry.</summary>
public sealed record Kommune(int Kode, string Slug, string Name, KommuneSettings Settings);
