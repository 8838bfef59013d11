using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Runs the benchmarks chosen with --filter, e.g. <c>--filter '*Rota*' --job short</c>.</summary>
public partial class Program;
