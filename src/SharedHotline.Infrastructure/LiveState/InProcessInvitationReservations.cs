using SharedHotline.Domain.Invitations;

namespace SharedHotline.Infrastructure.LiveState;

/// <summary>The invitations' reservations of a single node, behind one lock.</summary>
public sealed class InProcessInvitationReservations : IInvitationReservations
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, (string Pool, int Kommune, DateTimeOffset ExpiresAt)> _held = [];

    public Task<bool> TryReserveAsync(string pool, Guid invitationId, int kommuneKode, int limit, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (_held.ContainsKey(invitationId) || _held.Values.Count(h => h.Pool == pool && h.ExpiresAt > now) >= limit)
            {
                return Task.FromResult(false);
            }

            _held[invitationId] = (pool, kommuneKode, expiresAt);
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseAsync(Guid invitationId, int kommuneKode, DateTimeOffset now, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (!_held.TryGetValue(invitationId, out var held) || held.Kommune != kommuneKode || held.ExpiresAt <= now)
            {
                return Task.FromResult(false);
            }

            _held.Remove(invitationId);
            return Task.FromResult(true);
        }
    }

    public Task<int> CountAsync(string pool, DateTimeOffset now, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_held.Values.Count(h => h.Pool == pool && h.ExpiresAt > now));
        }
    }

    public Task<IReadOnlyList<ExpiredInvitation>> TakeExpiredAsync(DateTimeOffset now, int max = 100, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var expired = _held.Where(h => h.Value.ExpiresAt <= now).OrderBy(h => h.Value.ExpiresAt).Take(max)
                .Select(h => new ExpiredInvitation(h.Key, h.Value.Kommune)).ToList();
            foreach (var e in expired)
            {
                _held.Remove(e.InvitationId);
            }

            return Task.FromResult<IReadOnlyList<ExpiredInvitation>>(expired);
        }
    }
}
