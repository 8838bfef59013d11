using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Staff;

/// <summary>
/// Server-side staff sessions. Every sign-in stores a session; its cookie or bearer token carries the session id, and
/// is good only while the session is: not ended by a logout or a disable, not older than
/// <see cref="StaffSessionRecord.MaxAge"/>, its account existing and enabled. Each node keeps what it read for
/// <see cref="CacheFor"/>; the node that ended a session forgets at once, the others within that time.
/// </summary>
public sealed class StaffSessions(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (bool Current, DateTimeOffset ReadAt)> _read = new();

    public static async Task<Guid> StartAsync(HotlineDbContext db, Guid staffId, DateTimeOffset now, CancellationToken ct)
    {
        var session = new StaffSessionRecord { Id = Guid.NewGuid(), StaffId = staffId, CreatedAt = now };
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var staffId = user.StaffId();
        if (staffId == Guid.Empty || user.SessionId() is not { } sessionId)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (_read.TryGetValue(sessionId, out var known) && now - known.ReadAt < CacheFor)
        {
            return known.Current;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var oldest = now - StaffSessionRecord.MaxAge;
        var current = await db.StaffSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.StaffId == staffId && s.EndedAt == null && s.CreatedAt > oldest)
            .Join(db.Staff.Where(a => !a.Disabled), s => s.StaffId, a => a.Id, (s, a) => s.Id)
            .AnyAsync(ct);
        _read[sessionId] = (current, now);
        return current;
    }

    /// <summary>Logout: this session's cookie and token are refused from now on; the staff member's other sign-ins go on.</summary>
    public async Task EndAsync(HotlineDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.SessionId() is { } sessionId)
        {
            var now = time.GetUtcNow();
            await db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
            _read.TryRemove(sessionId, out _);
        }
    }

    /// <summary>Ends every session of the account (a disable): all its cookies and tokens are refused from now on.</summary>
    public async Task EndAllAsync(HotlineDbContext db, Guid staffId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ended = await db.StaffSessions.Where(s => s.StaffId == staffId && s.EndedAt == null).Select(s => s.Id).ToListAsync(ct);
        await db.StaffSessions.Where(s => s.StaffId == staffId && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
        foreach (var id in ended)
        {
            _read.TryRemove(id, out _);
        }
    }

    /// <summary>Deletes sessions past their age (ended or not); called by the periodic clean-up.</summary>
    public static Task<int> DeleteExpiredAsync(HotlineDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var oldest = now - StaffSessionRecord.MaxAge - TimeSpan.FromDays(1);
        return db.StaffSessions.Where(s => s.CreatedAt < oldest).ExecuteDeleteAsync(ct);
    }
}
