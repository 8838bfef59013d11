using SharedHotline.Domain.Tenancy;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Tenancy;

/// <summary>Kommuner as persisted in the database, read through the cached rota snapshot.</summary>
public sealed class DatabaseKommuneStore(RotaProvider rota) : IKommuneStore
{
    public async ValueTask<Kommune?> TryGetBySlugAsync(string slug, CancellationToken ct = default) =>
        (await rota.GetAsync(ct)).Kommuner.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public async ValueTask<Kommune?> TryGetByKodeAsync(int kode, CancellationToken ct = default) =>
        (await rota.GetAsync(ct)).FindKommune(kode);

    public async ValueTask<IReadOnlyList<Kommune>> GetAllAsync(CancellationToken ct = default) =>
        (await rota.GetAsync(ct)).Kommuner.OrderBy(k => k.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false)).ToList();
}
