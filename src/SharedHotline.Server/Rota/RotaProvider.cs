using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Rota;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Rota;

/// <summary>
/// Holds the current <see cref="RotaSnapshot"/> (kommuner and partnerships) in memory. A published rota
/// change calls <see cref="Invalidate"/>, and the next reader loads the new one.
/// </summary>
public sealed class RotaProvider(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile RotaSnapshot? _current;

    public async ValueTask<RotaSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } current)
        {
            return current;
        }

        await _loading.WaitAsync(ct);
        try
        {
            return _current ??= await LoadAsync(ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _current = null;

    private async Task<RotaSnapshot> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var kommuner = await db.Kommuner.AsNoTracking().ToListAsync(ct);
        var partnerships = await db.Partnerships.AsNoTracking().ToListAsync(ct);
        return new RotaSnapshot(kommuner.Select(k => k.ToDomain()), partnerships.Select(p => p.Rota));
    }

    public void Dispose() => _loading.Dispose();
}
