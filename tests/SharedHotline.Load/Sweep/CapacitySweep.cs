using System.Globalization;

namespace SharedHotline.Load.Sweep;

/// <summary>One step of a sweep: this many chats, each side writing at this rate.</summary>
public sealed record SweepStep(int Index, int Chats, double RatePerSide)
{
    /// <summary>Messages per second offered to the server, both sides together.</summary>
    public double Offered => 2 * Chats * RatePerSide;
}

/// <summary>How a sweep ramps: from <see cref="StartChats"/> chats at <see cref="StartRate"/>, both multiplied by <see cref="Growth"/> each step.</summary>
public sealed record SweepSettings
{
    public int StartChats { get; init; } = 20;
    public double StartRate { get; init; } = 0.5;
    public double Growth { get; init; } = 1.25;

    /// <summary>The most chats a step opens (the load-test agents' room: agents times their capacity); beyond it only the rate grows.</summary>
    public int MaxChats { get; init; } = 400;
    public int MaxSteps { get; init; } = 16;
    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A step holds while delivery p99 stays at or under this, with no errors and nearly every message delivered.</summary>
    public double LimitMs { get; init; } = 250;

    public static SweepSettings Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        var d = new SweepSettings();
        return new SweepSettings
        {
            StartChats = map.TryGetValue("start-chats", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : d.StartChats,
            StartRate = map.TryGetValue("start-rate", out var r) ? double.Parse(r, CultureInfo.InvariantCulture) : d.StartRate,
            Growth = map.TryGetValue("growth", out var g) ? double.Parse(g, CultureInfo.InvariantCulture) : d.Growth,
            MaxChats = map.TryGetValue("max-chats", out var m) ? int.Parse(m, CultureInfo.InvariantCulture) : d.MaxChats,
            MaxSteps = map.TryGetValue("max-steps", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : d.MaxSteps,
            StepDuration = map.TryGetValue("seconds", out var t) ? TimeSpan.FromSeconds(int.Parse(t, CultureInfo.InvariantCulture)) : d.StepDuration,
            LimitMs = map.TryGetValue("limit-ms", out var l) ? double.Parse(l, CultureInfo.InvariantCulture) : d.LimitMs,
        };
    }

    /// <summary>The steps, planned before the run: the offered rate grows by <see cref="Growth"/> squared while chats are below the cap.</summary>
    public IReadOnlyList<SweepStep> Plan()
    {
        var steps = new List<SweepStep>();
        double chats = StartChats, rate = StartRate;
        for (var i = 0; i < MaxSteps; i++)
        {
            var capped = Math.Min(MaxChats, (int)Math.Round(chats));
            // Once the chats reach the cap the rate takes the whole growth, so the offered rate keeps its pace.
            var stepRate = Math.Round(chats > MaxChats ? rate * chats / MaxChats : rate, 3);
            steps.Add(new SweepStep(i + 1, capped, stepRate));
            chats *= Growth;
            rate *= Growth;
        }

        return steps;
    }
}

/// <summary>One scenario's figures at one step: both directions together (p50 their mean, p99 the worse).</summary>
public sealed record StepFigures(double P50, double P99, int Delivered, int Expected, int Errors, bool Held);

public sealed record StepResult(SweepStep Step, StepFigures? Relay, StepFigures? Hotline);

/// <summary>
/// Ramps the offered load step by step for the bare relay and the hotline in turn, against the same server, until each
/// stops holding (<see cref="SweepSettings.LimitMs"/>); the knee of each is its last step that held.
/// </summary>
public static class CapacitySweep
{
    public static async Task<SweepReport> RunAsync(LoadOptions options, SweepSettings settings, Action<string> progress, CancellationToken ct)
    {
        var results = new List<StepResult>();
        bool relayHolds = true, hotlineHolds = true;
        foreach (var step in settings.Plan())
        {
            if (!relayHolds && !hotlineHolds)
            {
                break;
            }

            progress(string.Create(CultureInfo.InvariantCulture, $"step {step.Index}: {step.Chats} chats at {step.RatePerSide} message/s per side, {step.Offered:F0} messages/s offered"));
            var stepOptions = options with { Citizens = step.Chats, MessagesPerSecondPerSide = step.RatePerSide, Duration = settings.StepDuration, Rounds = 1, IdleConnections = 0 };
            var report = await LoadRun.RunAsync(stepOptions, relay: relayHolds, hotline: hotlineHolds, _ => { }, ct);
            var relay = report.Relay is { } r ? Figures(r, step, settings) : null;
            var hotline = report.Hotline is { } h ? Figures(h, step, settings) : null;
            relayHolds &= relay?.Held ?? false;
            hotlineHolds &= hotline?.Held ?? false;
            results.Add(new StepResult(step, relay, hotline));
            progress($"  relay {Describe(relay)}; hotline {Describe(hotline)}");
        }

        return new SweepReport(options.Label, DateTimeOffset.UtcNow, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}", settings, results);
    }

    private static StepFigures Figures(ScenarioResult result, SweepStep step, SweepSettings settings)
    {
        var delivered = result.CitizenToAgent.Count + result.AgentToCitizen.Count;
        var expected = (int)(step.Offered * result.MeasuredSeconds);
        var p99 = Math.Max(result.CitizenToAgent.P99, result.AgentToCitizen.P99);
        var p50 = (result.CitizenToAgent.P50 + result.AgentToCitizen.P50) / 2;
        // Nearly all: the paced senders start staggered within the first interval, so a step delivers a little under its offer.
        var held = p99 <= settings.LimitMs && result.Errors == 0 && delivered >= 0.9 * expected;
        return new StepFigures(p50, p99, delivered, expected, result.Errors, held);
    }

    private static string Describe(StepFigures? f) =>
        f is null ? "not run" : string.Create(CultureInfo.InvariantCulture, $"p50 {f.P50:F1} ms p99 {f.P99:F1} ms, {f.Delivered}/{f.Expected} delivered, {f.Errors} errors: {(f.Held ? "held" : "did not hold")}");
}
