namespace SharedHotline.Domain.Invitations;

/// <summary>An invitation whose reservation ran out before the citizen answered it.</summary>
public sealed record ExpiredInvitation(Guid InvitationId, int KommuneKode);

/// <summary>
/// The short reservations invitations hold on a pool's free places, shared by every node, so that twenty pages cannot
/// all be invited for one free place. Each step is atomic across nodes; a reservation ends exactly once: released (the
/// invitation was accepted or declined) or taken as expired.
/// </summary>
public interface IInvitationReservations
{
    /// <summary>Reserves a place of <paramref name="pool"/> until <paramref name="expiresAt"/> unless it already holds <paramref name="limit"/> unexpired ones.</summary>
    Task<bool> TryReserveAsync(string pool, Guid invitationId, int kommuneKode, int limit, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>
    /// Ends an unexpired reservation of <paramref name="kommuneKode"/>'s; false when it is unknown, another kommune's,
    /// ended or expired (the expiry sweep counts that one).
    /// </summary>
    Task<bool> ReleaseAsync(Guid invitationId, int kommuneKode, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>The unexpired reservations of <paramref name="pool"/>.</summary>
    Task<int> CountAsync(string pool, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Removes the expired reservations and returns them; each to one caller only, whichever node asks.</summary>
    Task<IReadOnlyList<ExpiredInvitation>> TakeExpiredAsync(DateTimeOffset now, int max = 100, CancellationToken ct = default);
}
