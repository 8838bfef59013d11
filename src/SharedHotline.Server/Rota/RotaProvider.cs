using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Rota;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Rota;

/// <summary>
/// Holds the current <see cref="RotaSnapshot"/> (kommuner and partnerships) in memory. A published rota
/// change calls <see cref="Invalidate"/>, and the next reader loads the new one. As a safety net for a lost
/// event, <see cref="RefreshIfStaleAsync"/> compares the stored rota versions with the cached ones.
/// </summary>
public sealed class RotaProvider(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _current;

    public async ValueTask<RotaSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } current)
        {
            return current.Snapshot;
        }

        await _loading.WaitAsync(ct);
        try
        {
            return (_current ??= await LoadAsync(ct)).Snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _current = null;

    /// <summary>Drops the cached rota when the database holds other versions (or other kommuner). True if it did.</summary>
    public async Task<bool> RefreshIfStaleAsync(CancellationToken ct = default)
    {
        if (_current is not { } current)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var stamp = await StampAsync(scope.ServiceProvider.GetRequiredService<HotlineDbContext>(), ct);
        if (stamp == current.Stamp)
        {
            return false;
        }

        Invalidate();
        return true;
    }

    public void Dispose() => _loading.Dispose();

    private static async Task<string> StampAsync(HotlineDbContext db, CancellationToken ct)
    {
        var versions = await db.Partnerships.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id + ":" + p.Version).ToListAsync(ct);
        // A hash of every kommune's settings is part of the stamp, so every node picks up an admin's change (published as
        // KommuneSettingsChanged) on its next maintenance pass even when the event is lost, and a new kommune too.
        var kommuner = await db.Kommuner.AsNoTracking().OrderBy(k => k.Kode).Select(k => new { k.Kode, k.Settings }).ToListAsync(ct);
        var settings = string.Join(';', kommuner.Select(k => k.Kode + "=" + System.Text.Json.JsonSerializer.Serialize(k.Settings)));
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(settings)))[..16];
        return $"{kommuner.Count}|{hash}|{string.Join(',', versions)}";
    }

    private async Task<Loaded> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var stamp = await StampAsync(db, ct);
        var kommuner = await db.Kommuner.AsNoTracking().ToListAsync(ct);
        var partnerships = await db.Partnerships.AsNoTracking().ToListAsync(ct);
        return new Loaded(new RotaSnapshot(kommuner.Select(k => k.ToDomain()), partnerships.Select(p => p.Rota)), stamp);
    }

    private sealed record Loaded(RotaSnapshot Snapshot, string Stamp);
}
