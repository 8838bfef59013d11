using System.Diagnostics;
using System.Threading.Channels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Messaging;

/// <summary>
/// Publishes the outbox's events on the bus after their change committed, on every node. A node claims a batch
/// with one UPDATE on rows nobody holds (or whose claim ran out), so two nodes never publish the same row at the
/// same time; a node that dies holding a claim leaves it to the others once it runs out: at least once, in the
/// order they were stored per node. Sent rows are deleted after <see cref="KeepSent"/>.
/// <c>Hotline:Outbox:Publish=false</c> stores events without publishing them (a node that only writes).
/// Claims use the wall clock, not the application's <see cref="TimeProvider"/>: tests freeze that one.
/// </summary>
public sealed class OutboxPublisher(IServiceScopeFactory scopes, IBus bus, MessagingNode node, IConfiguration configuration, Telemetry.HotlineMetrics metrics, ILogger<OutboxPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan KeepSent = TimeSpan.FromHours(1);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private const int Batch = 100;

    // A wake-up, not data: one pending signal is enough, the next batch reads every row that is waiting.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Hotline:Outbox:Publish", true))
        {
            logger.LogWarning("The outbox publisher is off (Hotline:Outbox:Publish=false): events are stored, not published");
            return;
        }

        Outbox.Written += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var full = false;
                try
                {
                    full = await PublishBatchAsync(stoppingToken) == Batch;
                    await CleanUpAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Outbox events could not be published; trying again");
                }

                if (!full)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    timeout.CancelAfter(Poll);
                    try
                    {
                        await _wake.Reader.ReadAsync(timeout.Token);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Outbox.Written -= Wake;
        }
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Claims, publishes and marks one batch; returns how many rows were claimed.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var now = DateTimeOffset.UtcNow;
        var claim = $"{node.InstanceId}:{Guid.NewGuid():N}";
        var until = now + ClaimFor;
        var free = db.OutboxMessages.Where(o => o.SentAt == null && (o.ClaimedUntil == null || o.ClaimedUntil < now));
        var next = free.OrderBy(o => o.Id).Take(Batch).Select(o => o.Id);
        // The outer condition is checked again on each row: on PostgreSQL a second node waiting on a row another
        // node just claimed sees the claim and skips it.
        var claimed = await free.Where(o => next.Contains(o.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.ClaimedBy, claim).SetProperty(o => o.ClaimedUntil, until), ct);
        if (claimed == 0)
        {
            return 0;
        }

        using var activity = Telemetry.HotlineActivity.Source.StartActivity("outbox publish");
        activity?.SetTag("hotline.outbox.claimed", claimed);
        var rows = await db.OutboxMessages.AsNoTracking().Where(o => o.ClaimedBy == claim).OrderBy(o => o.Id).ToListAsync(ct);
        var sent = new List<long>(rows.Count);
        try
        {
            foreach (var row in rows)
            {
                var domainEvent = Outbox.Read(row);
                // Published in the trace of the change that raised it (a hub call on any node), linked to this batch.
                using var published = ActivityContext.TryParse(row.TraceParent, null, out var raisedIn)
                    ? Telemetry.HotlineActivity.Source.StartActivity($"outbox publish {row.Type}", ActivityKind.Producer, raisedIn, links: activity is null ? null : [new ActivityLink(activity.Context)])
                    : null;
                await bus.Publish(domainEvent, domainEvent.GetType(), context => context.MessageId = row.EventId, ct);
                sent.Add(row.Id);
                metrics.OutboxPublished(row.OccurredAt, DateTimeOffset.UtcNow);
            }
        }
        finally
        {
            var at = DateTimeOffset.UtcNow;
            await db.OutboxMessages.Where(o => sent.Contains(o.Id)).ExecuteUpdateAsync(set => set.SetProperty(o => o.SentAt, at), CancellationToken.None);
            if (sent.Count < rows.Count)
            {
                // Give the rest back at once rather than when the claim runs out.
                await db.OutboxMessages.Where(o => o.ClaimedBy == claim && o.SentAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(o => o.ClaimedBy, (string?)null).SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            }
        }

        logger.LogDebug("Outbox: {Count} events published", sent.Count);
        return claimed;
    }

    private async Task CleanUpAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        if (now - _lastCleanup < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _lastCleanup = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var before = now - KeepSent;
        await db.OutboxMessages.Where(o => o.SentAt != null && o.SentAt < before).ExecuteDeleteAsync(ct);
    }
}
