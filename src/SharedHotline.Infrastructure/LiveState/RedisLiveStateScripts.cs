namespace SharedHotline.Infrastructure.LiveState;

/// <summary>
/// The check-and-set steps of the live state as Lua scripts, so they are atomic across every node.
/// All keys share one hash tag, so they live in one slot (Redis Cluster safe). ARGV[1] is the key prefix.
/// </summary>
internal static class RedisLiveStateScripts
{
    // ARGV: prefix, chatId, queuedJson
    public const string Enqueue = """
        local p = ARGV[1]
        if redis.call('HEXISTS', p .. 'assign', ARGV[2]) == 1 or redis.call('HEXISTS', p .. 'queue', ARGV[2]) == 1 then return 0 end
        local arrival = redis.call('INCR', p .. 'arrivals')
        redis.call('HSET', p .. 'queue', ARGV[2], ARGV[3])
        redis.call('HSET', p .. 'arrival', ARGV[2], arrival)
        redis.call('HSET', p .. 'chat', ARGV[2], ARGV[3])
        return 1
        """;

    // ARGV: prefix, chatId, agentId
    public const string TryAssign = """
        local p = ARGV[1]
        if redis.call('HEXISTS', p .. 'queue', ARGV[2]) == 0 then return 0 end
        if redis.call('HGET', p .. 'status', ARGV[3]) ~= 'Available' then return 0 end
        local capacity = tonumber(redis.call('HGET', p .. 'capacity', ARGV[3]) or '0')
        if redis.call('SCARD', p .. 'load:' .. ARGV[3]) >= capacity then return 0 end
        redis.call('HDEL', p .. 'queue', ARGV[2])
        redis.call('HDEL', p .. 'arrival', ARGV[2])
        redis.call('HSET', p .. 'assign', ARGV[2], ARGV[3])
        redis.call('SADD', p .. 'load:' .. ARGV[3], ARGV[2])
        return 1
        """;

    // ARGV: prefix, chatId, fromAgentId, toAgentId, nowMs
    public const string TryTransfer = """
        local p = ARGV[1]
        if redis.call('HGET', p .. 'assign', ARGV[2]) ~= ARGV[3] then return 0 end
        if redis.call('HGET', p .. 'status', ARGV[4]) ~= 'Available' then return 0 end
        local capacity = tonumber(redis.call('HGET', p .. 'capacity', ARGV[4]) or '0')
        if redis.call('SCARD', p .. 'load:' .. ARGV[4]) >= capacity then return 0 end
        redis.call('HSET', p .. 'assign', ARGV[2], ARGV[4])
        redis.call('SREM', p .. 'load:' .. ARGV[3], ARGV[2])
        redis.call('SADD', p .. 'load:' .. ARGV[4], ARGV[2])
        redis.call('HSET', p .. 'freed', ARGV[3], ARGV[5])
        return 1
        """;

    // ARGV: prefix, chatId, nowMs
    public const string Release = """
        local p = ARGV[1]
        local agent = redis.call('HGET', p .. 'assign', ARGV[2])
        if not agent then return 0 end
        redis.call('HDEL', p .. 'assign', ARGV[2])
        redis.call('HDEL', p .. 'chat', ARGV[2])
        redis.call('SREM', p .. 'load:' .. agent, ARGV[2])
        redis.call('HSET', p .. 'freed', agent, ARGV[3])
        return 1
        """;

    // ARGV: prefix, chatId, fromAgentId, queuedJson, nowMs
    public const string Requeue = """
        local p = ARGV[1]
        if redis.call('HGET', p .. 'assign', ARGV[2]) ~= ARGV[3] then return 0 end
        redis.call('HDEL', p .. 'assign', ARGV[2])
        redis.call('SREM', p .. 'load:' .. ARGV[3], ARGV[2])
        redis.call('HSET', p .. 'freed', ARGV[3], ARGV[5])
        local arrival = redis.call('INCR', p .. 'arrivals')
        redis.call('HSET', p .. 'queue', ARGV[2], ARGV[4])
        redis.call('HSET', p .. 'arrival', ARGV[2], arrival)
        redis.call('HSET', p .. 'chat', ARGV[2], ARGV[4])
        return 1
        """;

    // ARGV: prefix, chatId
    public const string RemoveFromQueue = """
        local p = ARGV[1]
        if redis.call('HDEL', p .. 'queue', ARGV[2]) == 0 then return 0 end
        redis.call('HDEL', p .. 'arrival', ARGV[2])
        redis.call('HDEL', p .. 'chat', ARGV[2])
        return 1
        """;

    // This node's from now on, with the agent's status, unless she is unknown or chose to be offline. Offline because
    // her last connection closed ('left' keeps what she was) and not yet reclaimed: she gets that presence back.
    // ARGV: prefix, agentId, profileJson, capacity, nowMs. Returns the status, or nil.
    public const string TakeOverPresence = """
        local p = ARGV[1]
        local status = redis.call('HGET', p .. 'status', ARGV[2])
        if not status then return false end
        if status == 'Offline' then
          status = redis.call('HGET', p .. 'left', ARGV[2])
          if not status then return false end
          redis.call('HSET', p .. 'status', ARGV[2], status)
          redis.call('HDEL', p .. 'left', ARGV[2])
        end
        redis.call('HSET', p .. 'profile', ARGV[2], ARGV[3])
        redis.call('HSET', p .. 'capacity', ARGV[2], ARGV[4])
        redis.call('HDEL', p .. 'offline', ARGV[2])
        redis.call('HSETNX', p .. 'freed', ARGV[2], ARGV[5])
        return status
        """;

    // Offline, but only while the agent's presence is this node's; what she was is kept in 'left' for a console that
    // reconnects within the grace. ARGV: prefix, agentId, nodeId, nowMs.
    public const string Leave = """
        local p = ARGV[1]
        local profile = redis.call('HGET', p .. 'profile', ARGV[2])
        if not profile or cjson.decode(profile)['node'] ~= ARGV[3] then return 0 end
        local status = redis.call('HGET', p .. 'status', ARGV[2])
        if status and status ~= 'Offline' then redis.call('HSET', p .. 'left', ARGV[2], status) end
        redis.call('HSET', p .. 'status', ARGV[2], 'Offline')
        redis.call('HSETNX', p .. 'offline', ARGV[2], ARGV[4])
        return 1
        """;

    // If the agent is lost (their node stopped heartbeating while they were not offline, or offline for at least
    // the grace), marks them offline and puts every chat of theirs back in the queue with priority. Decided here,
    // not from the caller's earlier reads: the agent's node may set their presence between those reads.
    // ARGV: prefix, agentId, nowMs, graceMs. Returns the requeued chats' JSON.
    public const string ReclaimAgent = """
        local p = ARGV[1]
        local profile = redis.call('HGET', p .. 'profile', ARGV[2])
        if not profile then return {} end
        local now = tonumber(ARGV[3])
        local lost = false
        if redis.call('HGET', p .. 'status', ARGV[2]) ~= 'Offline'
          and redis.call('EXISTS', p .. 'node:' .. cjson.decode(profile)['node']) == 0 then
          redis.call('HSET', p .. 'status', ARGV[2], 'Offline')
          redis.call('HSETNX', p .. 'offline', ARGV[2], ARGV[3])
          lost = true
        end
        local since = redis.call('HGET', p .. 'offline', ARGV[2])
        if not lost and not (since and now - tonumber(since) >= tonumber(ARGV[4])) then return {} end
        redis.call('HDEL', p .. 'left', ARGV[2])
        if redis.call('SCARD', p .. 'load:' .. ARGV[2]) == 0 then return {} end
        local chats = redis.call('SMEMBERS', p .. 'load:' .. ARGV[2])
        local result = {}
        for _, chat in ipairs(chats) do
          if redis.call('HGET', p .. 'assign', chat) == ARGV[2] then
            redis.call('HDEL', p .. 'assign', chat)
            local json = redis.call('HGET', p .. 'chat', chat)
            if json then
              local requeued = string.gsub(json, '"priority":false', '"priority":true')
              local arrival = redis.call('INCR', p .. 'arrivals')
              redis.call('HSET', p .. 'queue', chat, requeued)
              redis.call('HSET', p .. 'arrival', chat, arrival)
              redis.call('HSET', p .. 'chat', chat, requeued)
              table.insert(result, requeued)
            end
          end
        end
        redis.call('DEL', p .. 'load:' .. ARGV[2])
        redis.call('HSET', p .. 'freed', ARGV[2], ARGV[3])
        return result
        """;

    // ARGV: prefix, chatId, agentId, chatJson, nowMs
    public const string RestoreAssignment = """
        local p = ARGV[1]
        if redis.call('HEXISTS', p .. 'assign', ARGV[2]) == 1 then return 0 end
        redis.call('HDEL', p .. 'queue', ARGV[2])
        redis.call('HDEL', p .. 'arrival', ARGV[2])
        redis.call('HSET', p .. 'assign', ARGV[2], ARGV[3])
        redis.call('SADD', p .. 'load:' .. ARGV[3], ARGV[2])
        redis.call('HSET', p .. 'chat', ARGV[2], ARGV[4])
        if redis.call('HEXISTS', p .. 'profile', ARGV[3]) == 0 then
          redis.call('HSET', p .. 'profile', ARGV[3], '{"home":0,"skills":[],"node":"-"}')
          redis.call('HSET', p .. 'status', ARGV[3], 'Offline')
          redis.call('HSET', p .. 'capacity', ARGV[3], 0)
          redis.call('HSET', p .. 'offline', ARGV[3], ARGV[5])
          redis.call('HSET', p .. 'left', ARGV[3], 'Away')
          redis.call('HSET', p .. 'freed', ARGV[3], ARGV[5])
        end
        return 1
        """;
}
