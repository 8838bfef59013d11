using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Telemetry;

namespace SharedHotline.Server.Telemetry;

/// <summary>
/// Every <c>Hotline:Telemetry:SampleSeconds</c> (10) reads the live state (queue, agents) and the database (chats held
/// by agents, the outbox) into the gauges of <see cref="HotlineMetrics"/>. Runs only while telemetry is configured.
/// The queue's waits are measured on the application's clock, the sampling period on the wall clock.
/// </summary>
public sealed class TelemetrySampler(
    IServiceScopeFactory scopes,
    ILiveState live,
    HotlineMetrics metrics,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<TelemetrySampler.Options> options,
    ILogger<TelemetrySampler> logger) : BackgroundService
{
    public sealed class Options
    {
        public double SampleSeconds { get; set; } = 10;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, options.Value.SampleSeconds)));
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Redis or the database away: the gauges keep their last reading, /health/ready says why.
                logger.LogDebug(ex, "Telemetry sample failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var kommuner = await db.Kommuner.AsNoTracking().Select(k => new { k.Kode, k.Slug }).ToListAsync(ct);
        metrics.KnowKommuner(kommuner.Select(k => (k.Kode, k.Slug)));
        var held = await db.Chats.AsNoTracking()
            .Where(c => c.State == ChatState.Assigned || c.State == ChatState.Active)
            .GroupBy(c => c.KommuneKode).Select(g => new { Kode = g.Key, Count = g.Count() }).ToListAsync(ct);
        var unsent = db.OutboxMessages.AsNoTracking().Where(o => o.SentAt == null);
        var pending = await unsent.CountAsync(ct);
        var oldestAt = pending == 0 ? (DateTimeOffset?)null : await unsent.OrderBy(o => o.Id).Select(o => (DateTimeOffset?)o.OccurredAt).FirstOrDefaultAsync(ct);
        var queue = await live.GetQueueAsync(ct);
        var agents = await live.GetAgentsAsync(ct);

        var now = time.GetUtcNow();
        Dictionary<int, double> Zeroes() => kommuner.ToDictionary(k => k.Kode, _ => 0.0);
        var active = Zeroes();
        foreach (var h in held)
        {
            active[h.Kode] = h.Count;
        }

        var length = Zeroes();
        var longest = Zeroes();
        foreach (var chat in queue)
        {
            length[chat.KommuneKode] = length.GetValueOrDefault(chat.KommuneKode) + 1;
            longest[chat.KommuneKode] = Math.Max(longest.GetValueOrDefault(chat.KommuneKode), Math.Max(0, (now - chat.EnqueuedAt).TotalSeconds));
        }

        var present = new Dictionary<(int, string), int>();
        foreach (var kommune in kommuner)
        {
            present[(kommune.Kode, "available")] = 0;
            present[(kommune.Kode, "away")] = 0;
        }

        foreach (var agent in agents.Where(a => a.Status != PresenceStatus.Offline))
        {
            var key = (agent.HomeKommune, agent.Status == PresenceStatus.Available ? "available" : "away");
            present[key] = present.GetValueOrDefault(key) + 1;
        }

        var oldest = oldestAt is { } at ? Math.Max(0, (DateTimeOffset.UtcNow - at).TotalSeconds) : 0;
        metrics.Publish(new LiveSample(active, length, longest, present, pending, oldest));
    }
}
