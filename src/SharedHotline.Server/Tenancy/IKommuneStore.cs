using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Server.Tenancy;

public interface IKommuneStore
{
    ValueTask<Kommune?> TryGetBySlugAsync(string slug, CancellationToken ct = default);

    ValueTask<Kommune?> TryGetByKodeAsync(int kode, CancellationToken ct = default);

    ValueTask<IReadOnlyList<Kommune>> GetAllAsync(CancellationToken ct = default);
}
