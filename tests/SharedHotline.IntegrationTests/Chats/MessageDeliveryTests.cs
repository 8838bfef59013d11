using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>
/// Who gets a stored message pushed: the other side and the writer's other tabs, not the writing connection
/// itself (its acknowledgement carries the message's number, which counts as seen for replay).
/// </summary>
public sealed class MessageDeliveryTests
{
    [Fact]
    public async Task A_citizens_message_reaches_the_agent_and_the_citizens_other_tab_but_is_not_echoed_to_the_writing_tab()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var agentInbox = new Inbox<ChatMessage>();
        var firstTabInbox = new Inbox<ChatMessage>();
        var (agent, firstTab, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe", agentInbox.Add, firstTabInbox.Add);
        await using var secondTab = new CitizenHubClient(server.BaseAddress);
        var secondTabInbox = new Inbox<ChatMessage>();
        secondTab.MessageReceived += secondTabInbox.Add;
        await secondTab.ConnectAsync();
        await secondTab.ResumeAsync(firstTab.SessionToken!);

        var ack = await firstTab.SendAsync("Hvornår kan jeg hente mit pas?");
        var reply = await agent.SendAsync(chat.ChatId, "Når du har fået en sms.");

        (await agentInbox.WaitForAsync(m => m.MessageId == ack.MessageId)).Seq.Should().Be(ack.Seq);
        (await secondTabInbox.WaitForAsync(m => m.MessageId == ack.MessageId)).Text.Should().Be("Hvornår kan jeg hente mit pas?");
        (await firstTabInbox.WaitForAsync(m => m.MessageId == reply.MessageId)).Text.Should().Be("Når du har fået en sms.");
        firstTabInbox.Items.Should().NotContain(m => m.MessageId == ack.MessageId, "the writing tab has the acknowledgement");
        agentInbox.Items.Should().NotContain(m => m.MessageId == reply.MessageId, "the agent's writing connection has the acknowledgement");
        firstTab.LastSeq.Should().Be(reply.Seq, "the acknowledged own message counts as seen, so a replay starts after the reply");
    }

    [Fact]
    public async Task Messages_written_at_the_same_time_by_many_citizens_and_their_agents_are_all_stored_once_and_numbered_without_gaps()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "holbaek");

        var acks = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? citizen.SendAsync($"borger {i}")
            : agent.SendAsync(chat.ChatId, $"medarbejder {i}")));

        var history = await citizen.GetHistoryAsync();
        var written = history.Where(m => m.Sender != Sender.System).ToList();
        written.Should().HaveCount(40);
        written.Select(m => m.MessageId).Should().BeEquivalentTo(acks.Select(a => a.MessageId));
        history.Select(m => m.Seq).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i));
    }
}
