using System.Diagnostics;
using System.Globalization;

namespace SharedHotline.Benchmarks;

/// <summary>
/// The tail of single routing decisions, which BenchmarkDotNet's per-iteration means do not show: each call of
/// the <see cref="RoutingBenchmarks"/> cases is timed on its own (after a warm-up) and the p50, p99 and maximum
/// are printed as a Markdown table. Run with <c>-- routing-percentiles</c>.
/// </summary>
public static class RoutingPercentiles
{
    public static void Run(TextWriter output)
    {
        var cases = new RoutingBenchmarks();
        cases.Setup();
        output.WriteLine("| routing case (98 kommuner, 2,000 agents, 10,000 queued) | calls | p50 µs | p99 µs | max µs |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        Measure(output, "ChooseAgent, evening shared slot (one decision)", 20_000, () => cases.ChooseAgent_evening_shared_slot());
        Measure(output, "ChooseAgent, morning own hours (one decision)", 20_000, () => cases.ChooseAgent_morning_own_hours());
        Measure(output, "Plan, one agent frees up (whole dispatch pass)", 2_000, () => cases.Plan_one_agent_frees_up_with_10000_queued());
    }

    private static void Measure(TextWriter output, string name, int calls, Func<object?> call)
    {
        for (var i = 0; i < Math.Min(calls, 1_000); i++)
        {
            call();
        }

        GC.Collect();
        var micros = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call();
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(micros);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {calls} | {At(0.50):F1} | {At(0.99):F1} | {micros[^1]:F1} |"));

        double At(double q) => micros[Math.Min(micros.Length - 1, (int)Math.Ceiling(q * micros.Length) - 1)];
    }
}
