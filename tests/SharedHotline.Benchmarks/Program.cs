using BenchmarkDotNet.Running;

// Runs the benchmarks chosen with --filter, e.g. --filter '*Rota*' --job short (see docs/benchmarks.md),
// or, with the single argument routing-percentiles, the per-decision latency tail of routing.
if (args is ["routing-percentiles"])
{
    SharedHotline.Benchmarks.RoutingPercentiles.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SharedHotline.Benchmarks.RoutingBenchmarks).Assembly).Run(args);
