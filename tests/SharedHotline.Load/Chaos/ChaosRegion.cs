using System.Globalization;
using SharedHotline.Testing;

namespace SharedHotline.Load.Chaos;

/// <summary>
/// The region a chaos run breaks: PostgreSQL, a persistent Redis, two or three nodes (the load-test host: the server with
/// the load-test agents rostered on every turn) and a load balancer that spreads connections over the ready nodes.
/// Every part is a real process on loopback, started here and stopped on dispose.
/// </summary>
public sealed class ChaosRegion : IAsyncDisposable
{
    /// <summary>Tuesday evening in a shared slot: the clock every node starts from, moved on by the time the run has taken.</summary>
    private static readonly DateTimeOffset TuesdayEvening = new(2026, 11, 24, 20, 30, 0, TimeSpan.FromHours(1));

    private readonly ChaosOptions _options;
    private readonly ChaosJournal _journal;
    private readonly NodeProcess?[] _nodes;
    private readonly int[] _ports;
    private readonly string _prefix = "chaos-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "sharedhotline-chaos", Guid.NewGuid().ToString("N"));
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private string _database = "";

    private ChaosRegion(ChaosOptions options, ChaosJournal journal, PostgresServer postgres, RedisServer redis)
    {
        _options = options;
        _journal = journal;
        Postgres = postgres;
        Redis = redis;
        _nodes = new NodeProcess?[options.Nodes];
        _ports = [.. Enumerable.Range(0, options.Nodes).Select(_ => FreePort.Next())];
        Balancer = new LoadBalancer([.. _ports.Select(p => new Uri($"http://127.0.0.1:{p}"))]) { Spread = true };
    }

    public PostgresServer Postgres { get; }
    public RedisServer Redis { get; }
    public LoadBalancer Balancer { get; }

    /// <summary>Where clients connect: the load balancer.</summary>
    public Uri Address => Balancer.BaseAddress;

    /// <summary>The hotline's database, for the checks at the end.</summary>
    public string Database => _database;

    public static async Task<ChaosRegion> StartAsync(ChaosOptions options, ChaosJournal journal)
    {
        var postgres = await PostgresServer.StartAsync();
        var redis = await RedisServer.StartAsync(persistent: true);
        var region = new ChaosRegion(options, journal, postgres, redis);
        region._database = await postgres.CreateDatabaseAsync();
        for (var i = 0; i < options.Nodes; i++)
        {
            // One after the other: the first migrates and seeds, the others find it done.
            await region.StartNodeAsync(i);
        }

        await region.Balancer.WaitUntilReadyAsync();
        return region;
    }

    public bool IsUp(int node) => _nodes[node] is { HasExited: false };

    public async Task KillNodeAsync(int node)
    {
        if (_nodes[node] is { } process)
        {
            await process.KillAsync();
            await process.DisposeAsync();
            _nodes[node] = null;
        }
    }

    public async Task StartNodeAsync(int node)
    {
        if (IsUp(node))
        {
            return;
        }

        _nodes[node] = await NodeProcess.StartAsync(Settings(node), LoadHostDll, _ports[node]);
    }

    /// <summary>The last lines a node printed (warnings and errors), for the report.</summary>
    public IReadOnlyList<string> OutputOf(int node) => _nodes[node]?.Output ?? [];

    private Dictionary<string, string> Settings(int node)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hotline:Database"] = "postgres",
            ["ConnectionStrings:Hotline"] = _database,
            ["ConnectionStrings:Redis"] = Redis.ConnectionString,
            ["Hotline:Redis:Prefix"] = _prefix,
            ["Hotline:Redis:NodeId"] = $"node-{(char)('a' + node)}",
            ["Hotline:Redis:NodeTtl"] = "00:00:10",
            ["Hotline:DataFolder"] = _dataFolder,
            ["Hotline:SeedDemoData"] = "true",
            ["Hotline:SeedDemoHistory"] = "false",
            ["Hotline:DemoPassword"] = _options.Password,
            ["Hotline:LoadTest:Enabled"] = "true",
            ["Hotline:LoadTest:Agents"] = _options.Agents.ToString(CultureInfo.InvariantCulture),
            ["Hotline:LoadTest:AgentCapacity"] = _options.AgentCapacity.ToString(CultureInfo.InvariantCulture),
            // A restarted node's clock must agree with the others': Tuesday evening plus the time the region has run.
            ["Hotline:Clock:StartAt"] = (TuesdayEvening + (DateTimeOffset.UtcNow - _startedAt)).ToString("O", CultureInfo.InvariantCulture),
        };
        return settings;
    }

    private static string LoadHostDll =>
        NodeProcess.Built(Path.Combine(RepositoryPaths.Root, "tests", "SharedHotline.Load.Host"), "SharedHotline.Load.Host.dll");

    public async ValueTask DisposeAsync()
    {
        await Balancer.DisposeAsync();
        for (var i = 0; i < _nodes.Length; i++)
        {
            await KillNodeAsync(i);
        }

        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder clean-up.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the temp folder clean-up.
        }

        _journal.Action("region stopped");
    }
}
