using System.Globalization;

namespace SharedHotline.Load.Chaos;

/// <summary>What one chaos run does and how often it breaks things. Parsed from <c>--name value</c> pairs.</summary>
public sealed record ChaosOptions
{
    // First: the static instances below are built with it.
    private static readonly IReadOnlyList<string> DemoKommuner = ["fredensborg", "frederikssund", "fureso", "holbaek", "soroe"];

    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(3);
    public int Nodes { get; init; } = 2;
    public int Citizens { get; init; } = 24;
    public int Agents { get; init; } = 6;
    public int AgentCapacity { get; init; } = 3;

    /// <summary>Each side writes one message per this interval on average (uniform between half and one and a half of it).</summary>
    public TimeSpan MessageEvery { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan NodeKillEvery { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a killed node stays down before it is started again.</summary>
    public TimeSpan NodeDownFor { get; init; } = TimeSpan.FromSeconds(8);
    public TimeSpan RedisRestartEvery { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan PostgresPauseEvery { get; init; } = TimeSpan.FromMinutes(3);
    public TimeSpan PostgresPauseFor { get; init; } = TimeSpan.FromSeconds(4);
    public TimeSpan SocketDropEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest a queued chat may wait while an agent who may answer it has room.</summary>
    public TimeSpan WaitLimit { get; init; } = TimeSpan.FromSeconds(30);
    public int Seed { get; init; } = 2026;
    public string Password { get; init; } = "hotline-demo";
    public IReadOnlyList<string> Kommuner { get; init; } = DemoKommuner;

    /// <summary>The 3-minute run of the test suite: every kind of failure at least once, compressed.</summary>
    public static ChaosOptions ThreeMinutes { get; } = new()
    {
        Duration = TimeSpan.FromMinutes(3),
        NodeKillEvery = TimeSpan.FromSeconds(55),
        RedisRestartEvery = TimeSpan.FromSeconds(70),
        PostgresPauseEvery = TimeSpan.FromSeconds(65),
        SocketDropEvery = TimeSpan.FromSeconds(8),
    };

    public static ChaosOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        var defaults = map.ContainsKey("short") ? ThreeMinutes : new ChaosOptions();
        return defaults with
        {
            Duration = map.TryGetValue("minutes", out var minutes) ? TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture)) : defaults.Duration,
            Nodes = Int("nodes", defaults.Nodes),
            Citizens = Int("citizens", defaults.Citizens),
            Agents = Int("agents", defaults.Agents),
            AgentCapacity = Int("capacity", defaults.AgentCapacity),
            Seed = Int("seed", defaults.Seed),
            Password = map.GetValueOrDefault("password") ?? defaults.Password,
        };

        int Int(string name, int fallback) => map.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    }
}
