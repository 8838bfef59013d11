using SharedHotline.Domain.Events;
using SharedHotline.Domain.Invitations;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Invitations;

/// <summary>
/// Every few seconds on every node: invitations nobody answered before their place ran out are taken (each by one
/// node only) and counted as expired.
/// </summary>
public sealed class InvitationExpiry(IServiceScopeFactory scopes, IInvitationReservations reservations, TimeProvider time, ILogger<InvitationExpiry> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Expired invitations could not be counted now; trying again shortly");
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expired = await reservations.TakeExpiredAsync(now, ct: ct);
        if (expired.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        foreach (var e in expired)
        {
            Outbox.Add(db, new InvitationCounted(e.InvitationId, e.KommuneKode, InvitationOutcome.Expired, now));
        }

        await db.SaveChangesAsync(ct);
        return expired.Count;
    }
}
