using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using SharedHotline.Infrastructure.Telemetry;

namespace SharedHotline.IntegrationTests.Telemetry;

/// <summary>
/// Reads one server's own metrics through OpenTelemetry's in-memory exporter. Several servers run in one test process,
/// so only the meter tagged with this server's node id counts.
/// </summary>
public sealed class MetricsReader(string nodeId)
{
    private readonly List<Metric> _exported = [];

    public void AddTo(IServiceCollection services) =>
        services.AddOpenTelemetry().WithMetrics(m => m.AddInMemoryExporter(_exported));

    /// <summary>The points of <paramref name="name"/> after a collection: each point's labels and its value (gauge, sum or histogram count).</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, object?> Labels, double Value)> Read(IServiceProvider services, string name)
    {
        lock (_exported)
        {
            _exported.Clear();
            services.GetRequiredService<MeterProvider>().ForceFlush(5000).Should().BeTrue("the in-memory exporter is the only reader");
            var result = new List<(IReadOnlyDictionary<string, object?>, double)>();
            foreach (var metric in _exported.Where(m => m.Name == name && m.MeterName == HotlineMetrics.MeterName && IsMine(m)))
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var labels = new Dictionary<string, object?>();
                    foreach (var tag in point.Tags)
                    {
                        labels[tag.Key] = tag.Value;
                    }

                    result.Add((labels, ValueOf(metric.MetricType, point)));
                }
            }

            return result;
        }
    }

    /// <summary>The value with these labels, or null when no point has them.</summary>
    public double? Value(IServiceProvider services, string name, params (string Key, string Value)[] labels) =>
        Read(services, name).Where(p => labels.All(l => Equals(p.Labels.GetValueOrDefault(l.Key)?.ToString(), l.Value))).Select(p => (double?)p.Value).Sum();

    private bool IsMine(Metric metric) =>
        metric.MeterTags?.Any(t => t.Key == HotlineMetrics.NodeTag && Equals(t.Value, nodeId)) == true;

    private static double ValueOf(MetricType type, in MetricPoint point) => type switch
    {
        MetricType.LongGauge => point.GetGaugeLastValueLong(),
        MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
        MetricType.Histogram => point.GetHistogramCount(),
        _ => double.NaN,
    };
}
