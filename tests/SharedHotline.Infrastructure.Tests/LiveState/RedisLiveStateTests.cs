using Microsoft.Extensions.Options;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.LiveState;
using StackExchange.Redis;

namespace SharedHotline.Infrastructure.Tests.LiveState;

public sealed class RedisLiveStateTests(RedisFixture redis) : LiveStateContract, IClassFixture<RedisFixture>
{
    private readonly string _prefix = "test-" + Guid.NewGuid().ToString("N");
    private readonly List<ConnectionMultiplexer> _connections = [];

    protected override async Task<ILiveState> CreateStoreAsync(string nodeId)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(LiveStateServiceCollectionExtensions.RedisConfiguration(redis.Server.ConnectionString));
        _connections.Add(connection);
        return new RedisLiveState(connection, Options.Create(new RedisLiveStateOptions { Prefix = _prefix, NodeId = nodeId, NodeTtl = TimeSpan.FromSeconds(2) }), Time);
    }

    public override async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_nodes_see_one_queue_and_assignments_are_atomic_across_them()
    {
        var other = await CreateStoreAsync("node-b");
        var agent = Guid.NewGuid();
        await other.SetPresenceAsync(agent, 190, PresenceStatus.Available, 1, []);
        var first = Chat(minutesAgo: 2);
        var second = Chat(minutesAgo: 1);
        await Store.EnqueueAsync(first);
        await other.EnqueueAsync(second);

        (await other.GetQueueAsync()).Select(q => q.ChatId).Should().Equal(first.ChatId, second.ChatId);
        var results = await Task.WhenAll(Store.TryAssignAsync(first.ChatId, agent), other.TryAssignAsync(second.ChatId, agent));
        results.Count(r => r).Should().Be(1, "the agent has room for one chat");
    }

    [Fact]
    public async Task Agents_of_a_node_that_stops_heartbeating_are_lost_and_their_chats_requeued()
    {
        var nodeB = await CreateStoreAsync("node-b");
        var agent = Guid.NewGuid();
        await nodeB.HeartbeatAsync();
        await nodeB.SetPresenceAsync(agent, 190, PresenceStatus.Available, 2, []);
        var chat = Chat();
        await Store.EnqueueAsync(chat);
        (await Store.TryAssignAsync(chat.ChatId, agent)).Should().BeTrue();

        (await ReclaimAsync()).Should().BeEmpty("node B is alive");
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var reclaimed = await ReclaimAsync();

        reclaimed.Select(r => r.ChatId).Should().Equal(chat.ChatId);
        (await Store.GetAgentAsync(agent))!.Status.Should().Be(PresenceStatus.Offline);
        (await Store.GetQueueAsync()).Should().ContainSingle(q => q.ChatId == chat.ChatId && q.Priority);
    }

    [Fact]
    public async Task An_agent_coming_back_on_a_live_node_while_another_node_reclaims_keeps_the_restored_chats()
    {
        // After Redis restarted empty, one node restores an assignment from the database (the agent unknown, so
        // offline) while the agent's own node sets their presence again and a third looks for lost agents.
        var nodeB = await CreateStoreAsync("node-b");
        var nodeC = await CreateStoreAsync("node-c");
        for (var round = 0; round < 200; round++)
        {
            await nodeB.HeartbeatAsync();
            var agent = Guid.NewGuid();
            var chat = Chat();
            await Store.RestoreAssignmentAsync(chat, agent);

            var reclaim = nodeC.ReclaimLostChatsAsync(TimeSpan.FromMinutes(1));
            var online = nodeB.SetPresenceAsync(agent, 190, PresenceStatus.Available, 2, []);
            await online;

            (await reclaim).Should().BeEmpty("the agent is online on a live node (round {0})", round);
            (await Store.GetAssignedAgentAsync(chat.ChatId)).Should().Be(agent);
        }
    }

    [Fact]
    public async Task A_node_an_agent_left_sets_them_offline_only_while_it_still_holds_their_presence()
    {
        var nodeB = await CreateStoreAsync("node-b");
        var stayed = Guid.NewGuid();
        var moved = Guid.NewGuid();
        await Store.SetPresenceAsync(stayed, 190, PresenceStatus.Available, 2, []);
        await Store.SetPresenceAsync(moved, 190, PresenceStatus.Available, 2, []);
        (await nodeB.TakeOverPresenceAsync(moved, 190, 2, [])).Should().Be(PresenceStatus.Available);

        await Store.LeaveAsync(stayed);
        await Store.LeaveAsync(moved);

        (await Store.GetAgentAsync(stayed))!.Status.Should().Be(PresenceStatus.Offline);
        (await Store.GetAgentAsync(moved))!.Status.Should().Be(PresenceStatus.Available, "the agent reconnected to node B before node A saw them go");
    }

    [Fact]
    public async Task A_Redis_that_lost_its_data_is_noticed_once()
    {
        (await Store.WasResetAsync()).Should().BeTrue("a node's first look rebuilds from the database");
        (await Store.WasResetAsync()).Should().BeFalse();
        var db = _connections[0].GetDatabase();
        await db.KeyDeleteAsync("{" + _prefix + "}:live:epoch");

        (await Store.WasResetAsync()).Should().BeTrue();
        (await Store.WasResetAsync()).Should().BeFalse();
    }
}
