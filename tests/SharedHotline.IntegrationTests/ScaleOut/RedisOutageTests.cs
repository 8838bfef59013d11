using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.ScaleOut;

public sealed class RedisOutageTests
{
    [Fact]
    public async Task After_a_Redis_restart_the_nodes_recover_by_themselves_and_nothing_acknowledged_is_lost()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening);
        var agent = await cluster.NodeB.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        var agentMessages = new Inbox<ChatMessage>();
        agent.ChatOffered += offers.Add;
        agent.MessageReceived += agentMessages.Add;
        await agent.SetPresenceAsync(Presence.Available);
        var citizen = await cluster.NodeA.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        await agent.AcceptChatAsync(chat.ChatId);
        var before = await citizen.SendAsync("Sendt før Redis genstarter");
        var waiting = await cluster.NodeB.ConnectCitizenAsync();
        var second = (await waiting.StartChatAsync(new StartChatRequest("fureso", "pas"))).Chat!;
        await offers.WaitForAsync(o => o.ChatId == second.ChatId);

        await cluster.Redis.StopAsync();
        var whileAway = () => waiting.StartChatAsync(new StartChatRequest("holbaek", "pas"));
        (await whileAway.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.Unavailable, "citizens get a clear reconnecting answer, not a crash");
        (await cluster.NodeA.Http.GetAsync("/health/ready")).IsSuccessStatusCode.Should().BeFalse("a blind node reports not ready");
        await cluster.Redis.RestartAsync();
        await WhenBothNodesAnswerRedisAsync(cluster);

        var after = await RetryAsync(cluster, () => citizen.SendAsync("Sendt efter genstart"));
        (await RetryAsync(cluster, () => agentMessages.WaitForAsync(m => m.Text == "Sendt efter genstart", TimeSpan.FromMilliseconds(500)))).Seq.Should().Be(after.Seq);
        var history = await citizen.GetHistoryAsync();
        history.Should().Contain(m => m.MessageId == before.MessageId).And.Contain(m => m.MessageId == after.MessageId);
        var restored = await RetryAsync(cluster, async () =>
        {
            var session = await agent.GetSessionAsync();
            return session.Chats.Count == 2 ? session : throw new InvalidOperationException("not rebuilt yet");
        });
        restored.Chats.Select(c => c.ChatId).Should().BeEquivalentTo([chat.ChatId, second.ChatId], "the assignments were rebuilt from the database");
    }

    /// <summary>
    /// Waits in real time, the shared fake clock standing still, until both nodes reach Redis again. Ticking the
    /// clock meanwhile would let a minute of agent grace pass in a few real seconds, while StackExchange.Redis
    /// reconnects on its own real-time schedule; in production the grace and the reconnect run on the same clock.
    /// </summary>
    private static async Task WhenBothNodesAnswerRedisAsync(Cluster cluster)
    {
        foreach (var node in new[] { cluster.NodeA, cluster.NodeB })
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(await node.Http.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                DateTime.UtcNow.Should().BeBefore(deadline, "a node reconnects to a restarted Redis by itself");
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Retries while the nodes reconnect, letting their maintenance loops run; gives up after about 20 seconds.</summary>
    private static async Task<T> RetryAsync<T>(Cluster cluster, Func<Task<T>> action)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await cluster.TickAsync();
                return await action();
            }
            catch (Exception) when (attempt < 40)
            {
                await Task.Delay(300);
            }
        }
    }

    private static Task<bool> RetryAsync(Cluster cluster, Func<Task> action) =>
        RetryAsync(cluster, async () =>
        {
            await action();
            return true;
        });
}
