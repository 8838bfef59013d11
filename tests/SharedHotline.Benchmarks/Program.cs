using BenchmarkDotNet.Running;

// Runs the benchmarks chosen with --filter, e.g. --filter '*Rota*' --job short (see docs/benchmarks.md).
BenchmarkSwitcher.FromAssembly(typeof(SharedHotline.Benchmarks.RoutingBenchmarks).Assembly).Run(args);
