using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;

namespace SharedHotline.IntegrationTests.ScaleOut;

/// <summary>
/// Over Redis a node writes to its own members of a chat or agent group directly and publishes for the other
/// node (LocalGroupMembers): every tab and window, on either node, still gets each message and event once.
/// </summary>
public sealed class LocalDeliveryTests
{
    [Fact]
    public async Task Tabs_and_agent_windows_on_both_nodes_get_every_message_and_the_end_of_the_chat_exactly_once()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening);
        var agentHere = new Inbox<ChatMessage>();
        var tabHere = new Inbox<ChatMessage>();
        var (agent, citizen, chat) = await cluster.NodeA.AcceptedChatAsync(Demo.FuresoAgent, "soroe", agentHere.Add, tabHere.Add);
        var agentThere = await cluster.NodeB.ConnectAgentAsync(Demo.FuresoAgent);
        var agentThereInbox = new Inbox<ChatMessage>();
        agentThere.MessageReceived += agentThereInbox.Add;
        await using var tabThere = new CitizenHubClient(cluster.NodeB.BaseAddress);
        var tabThereInbox = new Inbox<ChatMessage>();
        var tabThereStates = new Inbox<ChatStateChanged>();
        var tabHereStates = new Inbox<ChatStateChanged>();
        tabThere.MessageReceived += tabThereInbox.Add;
        tabThere.StateChanged += tabThereStates.Add;
        citizen.StateChanged += tabHereStates.Add;
        await tabThere.ConnectAsync();
        await tabThere.ResumeAsync(citizen.SessionToken!);

        var nodeA = cluster.NodeA.Services.GetRequiredService<LocalGroupMembers>();
        var nodeB = cluster.NodeB.Services.GetRequiredService<LocalGroupMembers>();
        var chatGroup = ChatNotifier.ChatGroup(chat.ChatId);
        var agentGroup = ChatNotifier.AgentGroup((await agent.GetSessionAsync()).AgentId);
        nodeA.Of(chatGroup).Should().ContainSingle("the first tab is on node A");
        nodeB.Of(chatGroup).Should().ContainSingle("the second tab is on node B");
        nodeA.Of(agentGroup).Should().ContainSingle();
        nodeB.Of(agentGroup).Should().ContainSingle();

        var question = await citizen.SendAsync("Hvornår åbner borgerservice?");
        var answer = await agent.SendAsync(chat.ChatId, "I morgen klokken 10.");
        await agentHere.WaitForAsync(m => m.MessageId == question.MessageId);
        await agentThereInbox.WaitForAsync(m => m.MessageId == question.MessageId);
        await tabThereInbox.WaitForAsync(m => m.MessageId == question.MessageId);
        await agentThereInbox.WaitForAsync(m => m.MessageId == answer.MessageId);
        await tabHere.WaitForAsync(m => m.MessageId == answer.MessageId);
        await tabThereInbox.WaitForAsync(m => m.MessageId == answer.MessageId);
        await agent.EndChatAsync(chat.ChatId);
        await tabHereStates.WaitForAsync(s => s.Status == ChatStatus.Ended);
        await tabThereStates.WaitForAsync(s => s.Status == ChatStatus.Ended);
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // a second copy, if any, would have come through Redis by now

        Ids(agentHere).Should().OnlyHaveUniqueItems().And.Contain(question.MessageId).And.NotContain(answer.MessageId, "the agent's writing window has its ack");
        Ids(agentThereInbox).Should().OnlyHaveUniqueItems().And.Contain([question.MessageId, answer.MessageId]);
        Ids(tabHere).Should().OnlyHaveUniqueItems().And.Contain(answer.MessageId).And.NotContain(question.MessageId, "the writing tab has its ack");
        Ids(tabThereInbox).Should().OnlyHaveUniqueItems().And.Contain([question.MessageId, answer.MessageId]);
        tabHereStates.Items.Count(s => s.Status == ChatStatus.Ended).Should().Be(1);
        tabThereStates.Items.Count(s => s.Status == ChatStatus.Ended).Should().Be(1);

        await tabThere.DisposeAsync();
        await agentThere.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((nodeB.Of(chatGroup).Length > 0 || nodeB.Of(agentGroup).Length > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        nodeB.Of(chatGroup).Should().BeEmpty("a closed tab is dropped from node B's copy");
        nodeB.Of(agentGroup).Should().BeEmpty("so is a closed agent window");

        IEnumerable<Guid> Ids(Inbox<ChatMessage> inbox) => inbox.Items.Where(m => m.ChatId == chat.ChatId).Select(m => m.MessageId);
    }
}
