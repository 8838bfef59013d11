using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace SharedHotline.IntegrationTests.ScaleOut;

public sealed class AgentReconnectTests
{
    [Fact]
    public async Task An_agent_whose_node_stops_and_whose_console_comes_back_on_the_other_node_keeps_her_presence_and_her_chat()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening);
        var (_, _, chat) = await cluster.NodeA.AcceptedChatAsync(Demo.FuresoAgent, "soroe");

        // Her console reconnects through the load balancer to node B and finds what it wants (available, her
        // chat), so, as the web console does, it does not set her presence again.
        var onB = await cluster.NodeB.ConnectAgentAsync(Demo.FuresoAgent);
        (await onB.GetSessionAsync()).Presence.Should().Be(Presence.Available);

        // Node A stops (its connections close), and its heartbeat runs out as a dead node's does.
        await cluster.NodeA.DisposeAsync();
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString))
        {
            await redis.GetDatabase().KeyDeleteAsync("{" + cluster.Prefix + "}:live:node:node-a");
        }

        // Past the grace an agent who went offline has to come back.
        for (var tick = 0; tick < 14; tick++)
        {
            await cluster.TickAsync();
        }

        var session = await onB.GetSessionAsync();
        session.Presence.Should().Be(Presence.Available, "she never left the hotline");
        session.Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId, "her chat stays hers");
        (await onB.SendAsync(chat.ChatId, "Jeg er her stadig.")).Seq.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task An_agent_whose_console_reloads_onto_the_other_node_within_the_grace_keeps_her_presence_and_her_chat()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening);
        var (mia, _, chat) = await cluster.NodeA.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var miaId = (await mia.GetSessionAsync()).AgentId;

        // A reload: the socket to node A closes, and the new console reaches node B; it sets no presence itself.
        await mia.StopAsync();
        await cluster.NodeA.WaitForPresenceAsync(miaId, SharedHotline.Domain.Routing.PresenceStatus.Offline);
        var onB = await cluster.NodeB.ConnectAgentAsync(Demo.FuresoAgent);
        var resumed = await onB.GetSessionAsync();
        for (var tick = 0; tick < 14; tick++)
        {
            await cluster.TickAsync();
        }

        resumed.Presence.Should().Be(Presence.Available);
        var session = await onB.GetSessionAsync();
        session.Presence.Should().Be(Presence.Available);
        session.Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId, "her chat stays hers past the grace");
    }
}
