using System.Globalization;

namespace SharedHotline.Load;

public enum LoadMode
{
    Hotline,
    Relay,
}

/// <summary>What one load run does. Parsed from <c>--name value</c> pairs.</summary>
public sealed record LoadOptions
{
    /// <summary>Citizens connect here.</summary>
    public required Uri CitizenUrl { get; init; }

    /// <summary>Agents connect here (another node for the two-node mode).</summary>
    public required Uri AgentUrl { get; init; }

    public int Citizens { get; init; } = 20;
    public int Agents { get; init; } = 4;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public double MessagesPerSecondPerSide { get; init; } = 1;
    public int IdleConnections { get; init; }

    /// <summary>
    /// With both scenarios, how many times the relay and the hotline take turns, each measured for
    /// <see cref="Duration"/> per turn and the turns pooled: a slower phase of the machine then weighs on both.
    /// </summary>
    public int Rounds { get; init; } = 1;

    /// <summary>A bare ASP.NET Core host with only a relay hub (SharedHotline.Load.BareHost), for the idle run's framework floor.</summary>
    public Uri? BareHostUrl { get; init; }

    /// <summary>How long the idle run keeps its connections open after measuring, e.g. to take a heap dump.</summary>
    public TimeSpan HoldIdle { get; init; }
    public string Password { get; init; } = "hotline-demo";
    public IReadOnlyList<string> Kommuner { get; init; } = ["fredensborg", "frederikssund", "fureso", "holbaek", "soroe"];
    public string Label { get; init; } = "run";

    public static LoadOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        var urls = (map.GetValueOrDefault("url") ?? "http://127.0.0.1:5080").Split(',');
        return new LoadOptions
        {
            CitizenUrl = new Uri(urls[0]),
            AgentUrl = new Uri(urls[^1]),
            Citizens = Int("citizens", 20),
            Agents = Int("agents", 4),
            Duration = TimeSpan.FromSeconds(Int("seconds", 10)),
            MessagesPerSecondPerSide = double.Parse(map.GetValueOrDefault("rate") ?? "1", CultureInfo.InvariantCulture),
            IdleConnections = Int("idle", 0),
            Rounds = Math.Max(1, Int("rounds", 1)),
            HoldIdle = TimeSpan.FromSeconds(Int("hold", 0)),
            BareHostUrl = map.TryGetValue("bare-url", out var bare) ? new Uri(bare) : null,
            Password = map.GetValueOrDefault("password") ?? "hotline-demo",
            Label = map.GetValueOrDefault("label") ?? "run",
        };

        int Int(string name, int fallback) => map.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    }
}
