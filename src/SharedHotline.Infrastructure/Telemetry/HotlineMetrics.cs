using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SharedHotline.Infrastructure.Telemetry;

/// <summary>
/// The hotline's own instruments (meter <see cref="MeterName"/>; names and labels in docs/operations.md). Recording
/// costs next to nothing while no exporter listens, which is the default: telemetry is off unless configured.
/// Gauges read the last <see cref="LiveSample"/> (taken every few seconds by the server's sampler), so a scrape never
/// waits for Redis or the database. The meter carries the node's id as a tag, so several servers in one process
/// (the tests) keep their measurements apart.
/// </summary>
public sealed class HotlineMetrics
{
    public const string MeterName = "SharedHotline";
    public const string NodeTag = "hotline.node";

    private readonly Histogram<double> _storeDuration;
    private readonly Histogram<double> _redisDuration;
    private readonly Histogram<double> _routingPass;
    private readonly Histogram<double> _outboxLag;
    private readonly Counter<long> _messages;
    private readonly ConcurrentDictionary<int, string> _slugs = new();
    private volatile LiveSample _sample = LiveSample.Empty;

    public HotlineMetrics(IMeterFactory meters, string nodeId)
    {
        NodeId = nodeId;
        var meter = meters.Create(new MeterOptions(MeterName) { Tags = [new(NodeTag, nodeId)] });
        _messages = meter.CreateCounter<long>("hotline.messages", "{message}", "Chat messages stored, by kommune and sender (citizen, agent).");
        _storeDuration = meter.CreateHistogram<double>("hotline.store.duration", "s", "Database commands, by kind (query, write, scalar).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _redisDuration = meter.CreateHistogram<double>("hotline.redis.duration", "s", "Live-state calls on Redis, by operation.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _routingPass = meter.CreateHistogram<double>("hotline.routing.pass.duration", "s", "One routing pass: read queue and agents, plan, assign, offer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _outboxLag = meter.CreateHistogram<double>("hotline.outbox.lag", "s", "From an event's commit to its publication on the bus.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        meter.CreateObservableGauge("hotline.chats.active", () => PerKommune(_sample.ActiveChats), "{chat}", "Chats held by an agent (offered or being answered), by kommune.");
        meter.CreateObservableGauge("hotline.queue.length", () => PerKommune(_sample.QueueLength), "{chat}", "Chats waiting for an agent, by kommune.");
        meter.CreateObservableGauge("hotline.queue.longest_wait", () => PerKommune(_sample.LongestWaitSeconds), "s", "How long the longest-waiting chat has waited, by kommune (0 with none waiting).");
        meter.CreateObservableGauge("hotline.agents.present", PresentAgents, "{agent}", "Signed-in agents by home kommune and status (available, away).");
        meter.CreateObservableGauge("hotline.outbox.pending", () => _sample.OutboxPending, "{event}", "Events stored in the outbox and not yet published.");
        meter.CreateObservableGauge("hotline.outbox.oldest_age", () => _sample.OutboxOldestAgeSeconds, "s", "Age of the oldest unpublished outbox event (0 with none).");
    }

    /// <summary>Milliseconds to seconds: the default buckets start at 5 ms, too coarse for a 0.3 ms SQLite insert.</summary>
    public static readonly double[] LatencyBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    public string NodeId { get; }

    /// <summary>The labels' kommune names (slugs); until known, the kommunekode.</summary>
    public void KnowKommuner(IEnumerable<(int Kode, string Slug)> kommuner)
    {
        foreach (var (kode, slug) in kommuner)
        {
            _slugs[kode] = slug;
        }
    }

    public string Kommune(int kode) => _slugs.TryGetValue(kode, out var slug) ? slug : kode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Publish(LiveSample sample) => _sample = sample;

    public void MessageStored(int kommuneKode, string sender) =>
        _messages.Add(1, new("kommune", Kommune(kommuneKode)), new("sender", sender));

    public void StoreCommand(string kind, TimeSpan elapsed) => _storeDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    public void RedisCall(string operation, TimeSpan elapsed) => _redisDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    public void RoutingPass(TimeSpan elapsed, int assigned) => _routingPass.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("assigned", assigned > 0));

    public void OutboxPublished(DateTimeOffset occurredAt, DateTimeOffset publishedAt) =>
        _outboxLag.Record(Math.Max(0, (publishedAt - occurredAt).TotalSeconds));

    public static TimeSpan Since(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp);

    private IEnumerable<Measurement<double>> PerKommune(IReadOnlyDictionary<int, double> values) =>
        values.Select(v => new Measurement<double>(v.Value, new KeyValuePair<string, object?>("kommune", Kommune(v.Key))));

    private IEnumerable<Measurement<int>> PresentAgents() =>
        _sample.AgentsPresent.Select(a => new Measurement<int>(a.Value, new("kommune", Kommune(a.Key.Kommune)), new("status", a.Key.Status)));
}

/// <summary>What the gauges show: one reading of the live state and the database.</summary>
public sealed record LiveSample(
    IReadOnlyDictionary<int, double> ActiveChats,
    IReadOnlyDictionary<int, double> QueueLength,
    IReadOnlyDictionary<int, double> LongestWaitSeconds,
    IReadOnlyDictionary<(int Kommune, string Status), int> AgentsPresent,
    long OutboxPending,
    double OutboxOldestAgeSeconds)
{
    public static readonly LiveSample Empty = new(new Dictionary<int, double>(), new Dictionary<int, double>(), new Dictionary<int, double>(), new Dictionary<(int, string), int>(), 0, 0);
}
