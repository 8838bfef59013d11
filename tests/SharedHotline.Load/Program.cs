using SharedHotline.Load;
using SharedHotline.Load.Chaos;
using SharedHotline.Load.Sweep;

// dotnet run -c Release --project tests/SharedHotline.Load -- --url http://127.0.0.1:5080[,http://127.0.0.1:5081]
//   --mode compare|hotline|relay --citizens 200 --agents 20 --rate 1 --seconds 30 [--rounds 3] --idle 0 --label "one node" --out artifacts/load
//   or: --summarize artifacts/load   (one table over the JSON reports in that folder, against the targets)
//   or: --mode sweep --url http://127.0.0.1:5080 --agents 40 --start-chats 20 --start-rate 0.5 --growth 1.25 --max-chats 400 --seconds 10 --limit-ms 250
//       (the relay and the hotline ramped step by step until delivery p99 passes the limit; a Markdown report and an SVG plot)
//   or: --mode chaos [--short 1] --minutes 30 --nodes 2 --citizens 24 --agents 6 --capacity 3 --seed 2026 --out artifacts/chaos
//       (starts PostgreSQL, Redis and the nodes itself; docs/reliability.md)
if (args is ["--summarize", var folder])
{
    var reports = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
        .Select(f => LoadReport.FromJson(File.ReadAllText(f))).OrderBy(r => r.At).ToList();
    var summary = LoadSummary.ToMarkdown(reports);
    await File.WriteAllTextAsync(Path.Combine(folder, "summary.md"), summary);
    Console.WriteLine(summary);
    return 0;
}

var mode = args.SkipWhile(a => a != "--mode").Skip(1).FirstOrDefault() ?? "compare";
var outFolder = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? (mode == "chaos" ? "artifacts/chaos" : "artifacts/load");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (mode == "chaos")
{
    var chaos = await ChaosRun.RunAsync(ChaosOptions.Parse(args), line => Console.WriteLine(line), cancel.Token);
    Directory.CreateDirectory(outFolder);
    var stem = Path.Combine(outFolder, $"chaos-{chaos.StartedAt:yyyyMMdd-HHmm}");
    await File.WriteAllTextAsync(stem + ".json", chaos.ToJson());
    await File.WriteAllTextAsync(stem + ".md", chaos.ToMarkdown());
    Console.WriteLine();
    Console.WriteLine(chaos.ToMarkdown());
    return chaos.Passed ? 0 : 1;
}

var options = LoadOptions.Parse(args);
if (mode == "sweep")
{
    var sweep = await CapacitySweep.RunAsync(options, SweepSettings.Parse(args), Console.WriteLine, cancel.Token);
    Directory.CreateDirectory(outFolder);
    var stem = "sweep-" + string.Concat(options.Label.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
    await File.WriteAllTextAsync(Path.Combine(outFolder, stem + ".json"), sweep.ToJson());
    await File.WriteAllTextAsync(Path.Combine(outFolder, stem + ".svg"), sweep.ToSvg());
    await File.WriteAllTextAsync(Path.Combine(outFolder, stem + ".md"), sweep.ToMarkdown(stem + ".svg"));
    Console.WriteLine();
    Console.WriteLine(sweep.ToMarkdown(stem + ".svg"));
    return 0;
}


var report = await LoadRun.RunAsync(
    options,
    relay: mode is "compare" or "relay",
    hotline: mode is "compare" or "hotline",
    progress: Console.WriteLine,
    cancel.Token);

Directory.CreateDirectory(outFolder);
var name = string.Concat(options.Label.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
await File.WriteAllTextAsync(Path.Combine(outFolder, name + ".json"), report.ToJson());
await File.WriteAllTextAsync(Path.Combine(outFolder, name + ".md"), report.ToMarkdown());
Console.WriteLine();
Console.WriteLine(report.ToMarkdown());
return 0;
