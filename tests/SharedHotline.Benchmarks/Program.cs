using BenchmarkDotNet.Running;

// Runs the benchmarks chosen with --filter, e.g. --filter '*Rota*' --job short (see docs/benchmarks.md),
// or, with the single argument routing-percentiles, the per-decision latency tail of routing.
if (args is ["routing-percentiles"])
{
    SharedHotline.Benchmarks.RoutingPercentiles.Run(Console.Out);
    return;
}

if (args is ["statistics", ..])
{
    await SharedHotline.Benchmarks.StatisticsBenchmark.RunAsync(Console.Out, kommuner: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 98);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SharedHotline.Benchmarks.RoutingBenchmarks).Assembly).Run(args);
