using Microsoft.Extensions.Time.Testing;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;

namespace SharedHotline.IntegrationTests.ScaleOut;

/// <summary>Two real Kestrel nodes sharing one real redis-server, one database and one fake clock.</summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string _dataFolder;

    private Cluster(RedisServer redis, HotlineServer nodeA, HotlineServer nodeB, string dataFolder, RabbitMqServer? rabbit, string prefix)
    {
        Prefix = prefix;
        Rabbit = rabbit;
        Redis = redis;
        NodeA = nodeA;
        NodeB = nodeB;
        _dataFolder = dataFolder;
    }

    public RedisServer Redis { get; }
    public RabbitMqServer? Rabbit { get; }
    public HotlineServer NodeA { get; }
    public HotlineServer NodeB { get; }
    public FakeTimeProvider Clock => NodeA.Time;

    /// <summary>The nodes' <c>Hotline:Redis:Prefix</c>.</summary>
    public string Prefix { get; }

    /// <summary>Starts the cluster; with <paramref name="withRabbitMq"/> the nodes' bus runs over a real RabbitMQ broker.</summary>
    /// <remarks><paramref name="extra"/> adds settings both nodes share, e.g. a PostgreSQL database instead of the SQLite file.</remarks>
    public static async Task<Cluster> StartAsync(DateTimeOffset localNow, bool withRabbitMq = false, IDictionary<string, string?>? extra = null)
    {
        var rabbitStart = withRabbitMq ? RabbitMqServer.StartAsync() : Task.FromResult<RabbitMqServer>(null!);
        var redis = await RedisServer.StartAsync();
        var rabbit = withRabbitMq ? await rabbitStart : null;
        var dataFolder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "cluster-" + Guid.NewGuid().ToString("N"));
        var prefix = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        Dictionary<string, string?> Settings(string node)
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = redis.ConnectionString,
                ["Hotline:Redis:Prefix"] = prefix,
                ["Hotline:Redis:NodeId"] = node,
                ["Hotline:DataFolder"] = dataFolder,
                ["ConnectionStrings:RabbitMq"] = rabbit?.ConnectionString,
            };
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            return settings;
        }
        var clock = new FakeTimeProvider(localNow.ToUniversalTime());
        var nodeA = await HotlineServer.StartAsync(localNow, Settings("node-a"), clock);
        var nodeB = await HotlineServer.StartAsync(localNow, Settings("node-b"), clock);
        return new Cluster(redis, nodeA, nodeB, dataFolder, rabbit, prefix);
    }

    /// <summary>Lets both nodes' maintenance loops run once (heartbeat, recovery, reclaim, routing).</summary>
    public async Task TickAsync()
    {
        Clock.Advance(SharedHotline.Server.Chats.LiveStateMaintenance.Interval);
        await Task.Delay(200);
    }

    public async ValueTask DisposeAsync()
    {
        await NodeA.DisposeAsync();
        await NodeB.DisposeAsync();
        await Redis.DisposeAsync();
        if (Rabbit is not null)
        {
            await Rabbit.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the temp folder later.
        }
    }
}
