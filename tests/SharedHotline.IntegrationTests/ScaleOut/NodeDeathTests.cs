using SharedHotline.Client;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;

namespace SharedHotline.IntegrationTests.ScaleOut;

public sealed class NodeDeathTests
{
    [Fact]
    public async Task When_a_node_dies_mid_chat_the_citizen_continues_on_the_other_node_with_the_full_history_and_another_agent_takes_over()
    {
        await using var redis = await RedisServer.StartAsync();
        var dataFolder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "death-" + Guid.NewGuid().ToString("N"));
        Dictionary<string, string> Settings(string node) =>
            DemoNode.Settings(redis.ConnectionString, "death-" + Path.GetFileName(dataFolder)[6..14], dataFolder, node, TimeSpan.FromSeconds(11));
        await using var nodeA = await NodeProcess.StartAsync(Settings("node-a"));
        await using var nodeB = await NodeProcess.StartAsync(Settings("node-b"));

        using var httpA = new HttpClient { BaseAddress = nodeA.BaseAddress };
        using var httpB = new HttpClient { BaseAddress = nodeB.BaseAddress };
        var peterToken = await StaffSignIn.GetTokenAsync(httpA, Demo.SecondFuresoAgent, HotlineServer.DemoPassword);
        var miaToken = await StaffSignIn.GetTokenAsync(httpB, Demo.FuresoAgent, HotlineServer.DemoPassword);
        await using var peter = new AgentHubClient(nodeA.BaseAddress, () => Task.FromResult<string?>(peterToken));
        await using var mia = new AgentHubClient(nodeB.BaseAddress, () => Task.FromResult<string?>(miaToken));
        var peterOffers = new Inbox<AgentChat>();
        var miaOffers = new Inbox<AgentChat>();
        peter.ChatOffered += peterOffers.Add;
        mia.ChatOffered += miaOffers.Add;
        await peter.ConnectAsync();
        await mia.ConnectAsync();
        await peter.SetPresenceAsync(Presence.Available);
        await mia.SetPresenceAsync(Presence.Available);

        await using var citizen = new CitizenHubClient(nodeA.BaseAddress);
        await citizen.ConnectAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        (await peterOffers.WaitForAsync(o => o.ChatId == chat.ChatId)).Topic.Should().Be("pas", "Peter has the pas skill");
        await peter.AcceptChatAsync(chat.ChatId);
        var asked = await citizen.SendAsync("Mit pas udløber i næste uge.");
        var answered = await peter.SendAsync(chat.ChatId, "Så skal du bestille tid i borgerservice.");

        await nodeA.KillAsync();

        await using var resumed = new CitizenHubClient(nodeB.BaseAddress);
        await resumed.ConnectAsync();
        var again = await resumed.ResumeAsync(citizen.SessionToken!);
        again.Messages.Select(m => m.MessageId).Should().Contain([asked.MessageId, answered.MessageId], "every acknowledged message is there");
        again.Messages.Select(m => m.Seq).Should().BeInAscendingOrder();

        var takeover = await miaOffers.WaitForAsync(o => o.ChatId == chat.ChatId, TimeSpan.FromSeconds(45));
        takeover.Messages.Select(m => m.Text).Should().Contain(["Mit pas udløber i næste uge.", "Så skal du bestille tid i borgerservice."]);
        await mia.AcceptChatAsync(chat.ChatId);
        var fromMia = new Inbox<ChatMessage>();
        resumed.MessageReceived += fromMia.Add;
        await mia.SendAsync(chat.ChatId, "Jeg har overtaget din samtale.");
        (await fromMia.WaitForAsync(m => m.Text == "Jeg har overtaget din samtale.")).Sender.Should().Be(Sender.Agent);
    }
}
