using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SharedHotline.Domain.Routing;
using StackExchange.Redis;

namespace SharedHotline.Infrastructure.LiveState;

/// <summary>
/// Live state in Redis, shared by every node. Check-and-set steps run as Lua scripts (atomic across nodes);
/// agents' presence lives as long as the node they are connected to keeps heartbeating.
/// </summary>
public sealed class RedisLiveState(IConnectionMultiplexer redis, IOptions<RedisLiveStateOptions> options, TimeProvider time) : ILiveState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly RedisLiveStateOptions _options = options.Value;
    private readonly string _p = "{" + options.Value.Prefix + "}:live:";
    private string? _knownEpoch;

    private IDatabase Db => redis.GetDatabase();

    private long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task SetPresenceAsync(Guid agentId, int homeKommune, PresenceStatus status, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default)
    {
        var id = Id(agentId);
        var profile = JsonSerializer.Serialize(new AgentProfile(homeKommune, skills.ToArray(), _options.NodeId), Json);
        var tx = Db.CreateTransaction();
        _ = tx.HashSetAsync(_p + "profile", id, profile);
        _ = tx.HashSetAsync(_p + "capacity", id, capacity);
        _ = tx.HashSetAsync(_p + "status", id, status.ToString());
        _ = tx.HashDeleteAsync(_p + "offline", id);
        _ = tx.HashDeleteAsync(_p + "left", id);
        _ = tx.HashSetAsync(_p + "freed", id, NowMs, When.NotExists);
        await tx.ExecuteAsync();
    }

    public async Task SetOfflineAsync(Guid agentId, CancellationToken ct = default)
    {
        var id = Id(agentId);
        if (!await Db.HashExistsAsync(_p + "profile", id))
        {
            return;
        }

        var tx = Db.CreateTransaction();
        _ = tx.HashSetAsync(_p + "status", id, nameof(PresenceStatus.Offline));
        _ = tx.HashSetAsync(_p + "offline", id, NowMs, When.NotExists);
        _ = tx.HashDeleteAsync(_p + "left", id);
        await tx.ExecuteAsync();
    }

    public async Task<PresenceStatus?> TakeOverPresenceAsync(Guid agentId, int homeKommune, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default)
    {
        var profile = JsonSerializer.Serialize(new AgentProfile(homeKommune, skills.ToArray(), _options.NodeId), Json);
        var status = await Db.ScriptEvaluateAsync(RedisLiveStateScripts.TakeOverPresence, values: [_p, Id(agentId), profile, capacity, NowMs]);
        return status.IsNull ? null : Enum.Parse<PresenceStatus>((string)status!);
    }

    public Task LeaveAsync(Guid agentId, CancellationToken ct = default) =>
        Db.ScriptEvaluateAsync(RedisLiveStateScripts.Leave, values: [_p, Id(agentId), _options.NodeId, NowMs]);

    public async Task<IReadOnlyList<AgentPresence>> GetAgentsAsync(CancellationToken ct = default)
    {
        var db = Db;
        var profiles = db.HashGetAllAsync(_p + "profile");
        var statuses = db.HashGetAllAsync(_p + "status");
        var capacities = db.HashGetAllAsync(_p + "capacity");
        var freed = db.HashGetAllAsync(_p + "freed");
        await Task.WhenAll(profiles, statuses, capacities, freed);
        var statusOf = statuses.Result.ToDictionary(e => (string)e.Name!, e => (string)e.Value!);
        var capacityOf = capacities.Result.ToDictionary(e => (string)e.Name!, e => (int)e.Value);
        var freedOf = freed.Result.ToDictionary(e => (string)e.Name!, e => (long)e.Value);
        var batch = db.CreateBatch();
        var loads = profiles.Result.Select(e => (Entry: e, Load: batch.SetLengthAsync(_p + "load:" + e.Name))).ToList();
        batch.Execute();
        var agents = new List<AgentPresence>(loads.Count);
        foreach (var (entry, load) in loads)
        {
            var id = (string)entry.Name!;
            var profile = JsonSerializer.Deserialize<AgentProfile>((string)entry.Value!, Json)!;
            agents.Add(new AgentPresence(
                Guid.Parse(id),
                profile.Home,
                Enum.TryParse<PresenceStatus>(statusOf.GetValueOrDefault(id), out var s) ? s : PresenceStatus.Offline,
                capacityOf.GetValueOrDefault(id),
                profile.Skills,
                (int)await load,
                DateTimeOffset.FromUnixTimeMilliseconds(freedOf.GetValueOrDefault(id))));
        }

        return agents;
    }

    /// <summary>One agent's fields only: every hub call of an agent's session reads this.</summary>
    public async Task<AgentPresence?> GetAgentAsync(Guid agentId, CancellationToken ct = default)
    {
        var id = Id(agentId);
        var batch = Db.CreateBatch();
        var profile = batch.HashGetAsync(_p + "profile", id);
        var status = batch.HashGetAsync(_p + "status", id);
        var capacity = batch.HashGetAsync(_p + "capacity", id);
        var freed = batch.HashGetAsync(_p + "freed", id);
        var load = batch.SetLengthAsync(_p + "load:" + id);
        batch.Execute();
        await Task.WhenAll(profile, status, capacity, freed, load);
        if (!profile.Result.HasValue)
        {
            return null;
        }

        var known = JsonSerializer.Deserialize<AgentProfile>((string)profile.Result!, Json)!;
        return new AgentPresence(
            agentId,
            known.Home,
            Enum.TryParse<PresenceStatus>((string?)status.Result, out var s) ? s : PresenceStatus.Offline,
            capacity.Result.HasValue ? (int)capacity.Result : 0,
            known.Skills,
            (int)load.Result,
            DateTimeOffset.FromUnixTimeMilliseconds(freed.Result.HasValue ? (long)freed.Result : 0));
    }

    public Task EnqueueAsync(QueuedChat chat, CancellationToken ct = default) =>
        Db.ScriptEvaluateAsync(RedisLiveStateScripts.Enqueue, values: [_p, Id(chat.ChatId), JsonSerializer.Serialize(chat with { Arrival = 0 }, Json)]);

    public async Task<IReadOnlyList<QueuedChat>> GetQueueAsync(CancellationToken ct = default)
    {
        var queue = Db.HashGetAllAsync(_p + "queue");
        var arrivals = Db.HashGetAllAsync(_p + "arrival");
        await Task.WhenAll(queue, arrivals);
        var arrivalOf = arrivals.Result.ToDictionary(e => (string)e.Name!, e => (long)e.Value);
        var chats = queue.Result.Select(e => JsonSerializer.Deserialize<QueuedChat>((string)e.Value!, Json)! with { Arrival = arrivalOf.GetValueOrDefault((string)e.Name!) });
        return Router.InServiceOrder(chats).ToList();
    }

    public async Task<bool> RemoveFromQueueAsync(Guid chatId, CancellationToken ct = default) =>
        (int)await Db.ScriptEvaluateAsync(RedisLiveStateScripts.RemoveFromQueue, values: [_p, Id(chatId)]) == 1;

    public async Task<bool> TryAssignAsync(Guid chatId, Guid agentId, CancellationToken ct = default) =>
        (int)await Db.ScriptEvaluateAsync(RedisLiveStateScripts.TryAssign, values: [_p, Id(chatId), Id(agentId)]) == 1;

    public async Task<bool> TryTransferAsync(Guid chatId, Guid fromAgentId, Guid toAgentId, CancellationToken ct = default) =>
        (int)await Db.ScriptEvaluateAsync(RedisLiveStateScripts.TryTransfer, values: [_p, Id(chatId), Id(fromAgentId), Id(toAgentId), NowMs]) == 1;

    public async Task<Guid?> GetAssignedAgentAsync(Guid chatId, CancellationToken ct = default)
    {
        var agent = await Db.HashGetAsync(_p + "assign", Id(chatId));
        return agent.HasValue ? Guid.Parse((string)agent!) : null;
    }

    public async Task<IReadOnlyList<Guid>> GetChatsOfAgentAsync(Guid agentId, CancellationToken ct = default) =>
        (await Db.SetMembersAsync(_p + "load:" + Id(agentId))).Select(v => Guid.Parse((string)v!)).ToList();

    public async Task<bool> RequeueAsync(QueuedChat chat, Guid fromAgentId, DateTimeOffset at, CancellationToken ct = default) =>
        (int)await Db.ScriptEvaluateAsync(RedisLiveStateScripts.Requeue, values:
            [_p, Id(chat.ChatId), Id(fromAgentId), JsonSerializer.Serialize(chat with { Arrival = 0 }, Json), at.ToUnixTimeMilliseconds()]) == 1;

    public async Task<bool> ReleaseAsync(Guid chatId, DateTimeOffset at, CancellationToken ct = default) =>
        (int)await Db.ScriptEvaluateAsync(RedisLiveStateScripts.Release, values: [_p, Id(chatId), at.ToUnixTimeMilliseconds()]) == 1;

    public Task RestoreAssignmentAsync(QueuedChat chat, Guid agentId, CancellationToken ct = default) =>
        Db.ScriptEvaluateAsync(RedisLiveStateScripts.RestoreAssignment, values: [_p, Id(chat.ChatId), Id(agentId), JsonSerializer.Serialize(chat with { Arrival = 0, Priority = false }, Json), NowMs]);

    public Task HeartbeatAsync(CancellationToken ct = default) =>
        Db.StringSetAsync(_p + "node:" + _options.NodeId, NowMs, _options.NodeTtl);

    public async Task<bool> WasResetAsync(CancellationToken ct = default)
    {
        var candidate = Guid.NewGuid().ToString("N");
        var epoch = await Db.StringSetAsync(_p + "epoch", candidate, when: When.NotExists) ? candidate : (string?)await Db.StringGetAsync(_p + "epoch");
        var reset = epoch != _knownEpoch;
        _knownEpoch = epoch;
        return reset;
    }

    public async Task<IReadOnlyList<QueuedChat>> ReclaimLostChatsAsync(TimeSpan offlineGrace, CancellationToken ct = default)
    {
        var db = Db;
        var now = NowMs;
        var grace = (long)offlineGrace.TotalMilliseconds;
        var profiles = await db.HashGetAllAsync(_p + "profile");
        var statuses = (await db.HashGetAllAsync(_p + "status")).ToDictionary(e => (string)e.Name!, e => (string)e.Value!);
        var offline = (await db.HashGetAllAsync(_p + "offline")).ToDictionary(e => (string)e.Name!, e => (long)e.Value);
        var aliveNodes = new Dictionary<string, bool>();
        var reclaimed = new List<QueuedChat>();
        foreach (var entry in profiles)
        {
            // These reads only pick the candidates; the script decides again on what Redis holds at that moment.
            var id = (string)entry.Name!;
            var profile = JsonSerializer.Deserialize<AgentProfile>((string)entry.Value!, Json)!;
            if (!aliveNodes.TryGetValue(profile.Node, out var alive))
            {
                alive = aliveNodes[profile.Node] = await db.KeyExistsAsync(_p + "node:" + profile.Node);
            }

            var lostWithNode = !alive && statuses.GetValueOrDefault(id) != nameof(PresenceStatus.Offline);
            var offlineTooLong = offline.TryGetValue(id, out var since) && now - since >= grace;
            if (lostWithNode || offlineTooLong)
            {
                var result = (RedisResult[])(await db.ScriptEvaluateAsync(RedisLiveStateScripts.ReclaimAgent, values: [_p, id, now, grace]))!;
                reclaimed.AddRange(result.Select(r => JsonSerializer.Deserialize<QueuedChat>((string)r!, Json)!));
            }
        }

        return reclaimed;
    }

    private static string Id(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);

    private sealed record AgentProfile(int Home, string[] Skills, string Node);
}
