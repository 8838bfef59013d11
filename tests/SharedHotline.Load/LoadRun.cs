namespace SharedHotline.Load;

/// <summary>
/// Runs the chosen scenarios in one process: the relay baseline first, then the hotline (taking turns
/// <see cref="LoadOptions.Rounds"/> times, latencies pooled per scenario), then idle connections.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, bool relay, bool hotline, Action<string> progress, CancellationToken ct)
    {
        ScenarioResult? relayResult = null;
        ScenarioResult? hotlineResult = null;
        IdleResult? idle = null;
        var relayRecorders = (CitizenToAgent: new LatencyRecorder(), AgentToCitizen: new LatencyRecorder());
        var hotlineRecorders = (CitizenToAgent: new LatencyRecorder(), AgentToCitizen: new LatencyRecorder());
        var relayTurns = new List<ScenarioResult>();
        var hotlineTurns = new List<ScenarioResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var of = options.Rounds > 1 ? $" (round {round} of {options.Rounds})" : "";
            if (relay)
            {
                progress($"Relay baseline{of} ...");
                relayTurns.Add(await new RelayScenario(options, progress, relayRecorders.CitizenToAgent, relayRecorders.AgentToCitizen).RunAsync(ct));
            }

            if (hotline)
            {
                progress($"Hotline{of} ...");
                hotlineTurns.Add(await new HotlineScenario(options, progress, hotlineRecorders.CitizenToAgent, hotlineRecorders.AgentToCitizen).RunAsync(ct));
            }
        }

        relayResult = relayTurns.Count > 0 ? ScenarioRounds.Pool(relayTurns) : null;
        hotlineResult = hotlineTurns.Count > 0 ? ScenarioRounds.Pool(hotlineTurns) : null;

        if (options.IdleConnections > 0)
        {
            progress($"Idle connections ({options.IdleConnections}) ...");
            idle = await new IdleScenario(options, progress).RunAsync(ct);
        }

        var machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
        return new LoadReport(options.Label, DateTimeOffset.UtcNow, machine, LoadOptionsSummary.From(options), relayResult, hotlineResult, idle);
    }
}
