namespace SharedHotline.Load;

/// <summary>Runs the chosen scenarios in one process: the relay baseline first, then the hotline, then idle connections.</summary>
public static class LoadRun
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, bool relay, bool hotline, Action<string> progress, CancellationToken ct)
    {
        ScenarioResult? relayResult = null;
        ScenarioResult? hotlineResult = null;
        IdleResult? idle = null;
        if (relay)
        {
            progress("Relay baseline ...");
            relayResult = await new RelayScenario(options, progress).RunAsync(ct);
        }

        if (hotline)
        {
            progress("Hotline ...");
            hotlineResult = await new HotlineScenario(options, progress).RunAsync(ct);
        }

        if (options.IdleConnections > 0)
        {
            progress($"Idle connections ({options.IdleConnections}) ...");
            idle = await new IdleScenario(options, progress).RunAsync(ct);
        }

        var machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
        return new LoadReport(options.Label, DateTimeOffset.UtcNow, machine, LoadOptionsSummary.From(options), relayResult, hotlineResult, idle);
    }
}
