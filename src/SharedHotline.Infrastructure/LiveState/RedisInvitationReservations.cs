using System.Globalization;
using Microsoft.Extensions.Options;
using SharedHotline.Domain.Invitations;
using StackExchange.Redis;

namespace SharedHotline.Infrastructure.LiveState;

/// <summary>
/// The invitations' reservations in Redis, shared by every node: per pool a sorted set of invitation ids scored by
/// expiry, one sorted set of all of them for the expiry sweep, and each one's pool and kommune. Every step is one Lua
/// script, so a count and the reservation it allows are one atomic step across nodes.
/// </summary>
public sealed class RedisInvitationReservations(IConnectionMultiplexer redis, IOptions<RedisLiveStateOptions> options) : IInvitationReservations
{
    // ARGV: prefix, pool, id, kommune, limit, expiresMs, nowMs
    private const string Reserve = """
        local p = ARGV[1]
        if redis.call('HEXISTS', p .. 'meta', ARGV[3]) == 1 then return 0 end
        if redis.call('ZCOUNT', p .. 'pool:' .. ARGV[2], '(' .. ARGV[7], '+inf') >= tonumber(ARGV[5]) then return 0 end
        redis.call('ZADD', p .. 'pool:' .. ARGV[2], ARGV[6], ARGV[3])
        redis.call('ZADD', p .. 'all', ARGV[6], ARGV[3])
        redis.call('HSET', p .. 'meta', ARGV[3], ARGV[4] .. '|' .. ARGV[2])
        return 1
        """;

    // ARGV: prefix, id, kommune, nowMs
    private const string Release = """
        local p = ARGV[1]
        local meta = redis.call('HGET', p .. 'meta', ARGV[2])
        if not meta then return 0 end
        local bar = string.find(meta, '|', 1, true)
        if string.sub(meta, 1, bar - 1) ~= ARGV[3] then return 0 end
        local expires = tonumber(redis.call('ZSCORE', p .. 'all', ARGV[2]) or '0')
        if expires <= tonumber(ARGV[4]) then return 0 end
        redis.call('ZREM', p .. 'pool:' .. string.sub(meta, bar + 1), ARGV[2])
        redis.call('ZREM', p .. 'all', ARGV[2])
        redis.call('HDEL', p .. 'meta', ARGV[2])
        return 1
        """;

    // ARGV: prefix, nowMs, max
    private const string TakeExpired = """
        local p = ARGV[1]
        local ids = redis.call('ZRANGEBYSCORE', p .. 'all', '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
        local taken = {}
        for _, id in ipairs(ids) do
          local meta = redis.call('HGET', p .. 'meta', id) or '0|'
          local bar = string.find(meta, '|', 1, true)
          redis.call('ZREM', p .. 'pool:' .. string.sub(meta, bar + 1), id)
          redis.call('ZREM', p .. 'all', id)
          redis.call('HDEL', p .. 'meta', id)
          table.insert(taken, id .. '|' .. string.sub(meta, 1, bar - 1))
        end
        return taken
        """;

    private readonly string _p = "{" + options.Value.Prefix + "}:inv:";

    private IDatabase Db => redis.GetDatabase();

    // Redis's failures reach the server as LiveStateUnavailableException, as the live state's do.
    public Task<bool> TryReserveAsync(string pool, Guid invitationId, int kommuneKode, int limit, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct = default) =>
        LiveStateFailures.Run(async () => limit > 0
            && (int)await Db.ScriptEvaluateAsync(Reserve, values: [_p, pool, Id(invitationId), kommuneKode, limit, expiresAt.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()]) == 1);

    public Task<bool> ReleaseAsync(Guid invitationId, int kommuneKode, DateTimeOffset now, CancellationToken ct = default) =>
        LiveStateFailures.Run(async () => (int)await Db.ScriptEvaluateAsync(Release, values: [_p, Id(invitationId), kommuneKode, now.ToUnixTimeMilliseconds()]) == 1);

    public Task<int> CountAsync(string pool, DateTimeOffset now, CancellationToken ct = default) =>
        LiveStateFailures.Run(async () => (int)await Db.SortedSetLengthAsync(_p + "pool:" + pool, now.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.Start));

    public Task<IReadOnlyList<ExpiredInvitation>> TakeExpiredAsync(DateTimeOffset now, int max = 100, CancellationToken ct = default) =>
        LiveStateFailures.Run<IReadOnlyList<ExpiredInvitation>>(async () =>
        {
            var taken = (RedisResult[])(await Db.ScriptEvaluateAsync(TakeExpired, values: [_p, now.ToUnixTimeMilliseconds(), max]))!;
            return taken.Select(t => ((string)t!).Split('|')).Select(parts => new ExpiredInvitation(Guid.Parse(parts[0]), int.Parse(parts[1], CultureInfo.InvariantCulture))).ToList();
        });

    private static string Id(Guid id) => id.ToString("N");
}
