using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Privacy;

public sealed class RetentionOptions
{
    public const string Section = "Hotline:Retention";

    /// <summary>How often the job looks for expired transcripts.</summary>
    public int IntervalMinutes { get; set; } = 60;

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Deletes each kommune's transcripts once they are older than its <c>RetentionDays</c> (counted from the end of the
/// chat), and its call-back requests older than that (counted from when they were left). Runs on the app's
/// <see cref="TimeProvider"/>, so tests move it with their clock. Every node may run it: deleting twice deletes nothing.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The retention run failed; it is tried again at the next interval");
            }
        }
    }

    /// <summary>One pass over every kommune; returns how many chats were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var deletion = scope.ServiceProvider.GetRequiredService<ChatDeletion>();
        var now = time.GetUtcNow();
        var deleted = 0;
        foreach (var kommune in await db.Kommuner.AsNoTracking().ToListAsync(ct))
        {
            var cutoff = now - TimeSpan.FromDays(Math.Max(1, kommune.Settings.RetentionDays));
            var expired = await db.Chats.AsNoTracking()
                .Where(c => c.KommuneKode == kommune.Kode && (c.State == ChatState.Ended || c.State == ChatState.Abandoned) && c.EndedAt != null && c.EndedAt < cutoff)
                .ToListAsync(ct);
            foreach (var chat in expired)
            {
                await deletion.DeleteAsync(chat, ChatDeletion.Retention, null, null, ct, scrub: false);
                deleted++;
            }

            // A case goes when it was closed before the cutoff, or when its meeting time is older than it. An open
            // message stays until staff close it: a request nobody has handled is never deleted unseen.
            var callbacks = await db.Cases
                .Where(c => c.KommuneKode == kommune.Kode
                    && ((c.ClosedAt != null && c.ClosedAt < cutoff) || (c.MeetingStart != null && c.MeetingStart < cutoff)))
                .ExecuteDeleteAsync(ct);
            if (callbacks > 0)
            {
                db.PrivacyAudit.Add(new PrivacyAuditRecord
                {
                    Id = Guid.CreateVersion7(now),
                    At = now,
                    KommuneKode = kommune.Kode,
                    Action = "callbacks-deleted",
                    Reason = ChatDeletion.Retention,
                    ItemsDeleted = callbacks,
                });
                await db.SaveChangesAsync(ct);
                logger.LogInformation("{CallbackCount} call-back requests of kommune {Kommunekode} deleted by retention", callbacks, kommune.Kode);
            }
        }

        await Staff.StaffSessions.DeleteExpiredAsync(db, now, ct);
        await deletion.ScrubAsync(ct);
        return deleted;
    }
}
