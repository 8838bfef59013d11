using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>
/// Client message ids make a resend safe: each writer (the citizen, each agent) numbers her own messages, a resend
/// is stored once and answered with the first acknowledgement, and nobody is shown the message twice.
/// Each test uses its own agents and lets them go at the end, so the next test's chat is routed to its own.
/// </summary>
public sealed class ResendTests(DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private HotlineServer Server => fixture.Server;

    [Fact]
    public async Task An_agent_who_numbers_her_messages_like_the_citizen_has_each_one_stored_and_delivered()
    {
        var citizenInbox = new Inbox<ChatMessage>();
        var (agent, citizen, chat) = await Server.AcceptedChatAsync(Demo.FuresoAgent, "soroe", citizenInbox: citizenInbox.Add);
        try
        {
            var question = await citizen.SendAsync("Hvornår kan jeg hente mit pas?", "1");
            var answer = await agent.SendAsync(chat.ChatId, "Når du har fået en sms.", "1");
            var resent = await agent.SendAsync(chat.ChatId, "Når du har fået en sms.", "1");

            answer.Duplicate.Should().BeFalse("the id is the agent's own; the citizen's message 1 is another writer's");
            answer.MessageId.Should().NotBe(question.MessageId);
            (await citizenInbox.WaitForAsync(m => m.MessageId == answer.MessageId)).Text.Should().Be("Når du har fået en sms.");
            resent.Duplicate.Should().BeTrue();
            resent.MessageId.Should().Be(answer.MessageId);
            var history = await citizen.GetHistoryAsync();
            history.Where(m => m.ClientMessageId == "1").Select(m => (m.Sender, m.Text)).Should().Equal(
                (Sender.Citizen, "Hvornår kan jeg hente mit pas?"),
                (Sender.Agent, "Når du har fået en sms."));
        }
        finally
        {
            await agent.EndChatAsync(chat.ChatId);
            await agent.StopAsync();
        }
    }

    [Fact]
    public async Task After_a_transfer_the_colleague_may_number_her_messages_from_one_again()
    {
        var citizenInbox = new Inbox<ChatMessage>();
        var (mia, citizen, chat) = await Server.AcceptedChatAsync(Demo.FuresoAgent, "holbaek", citizenInbox: citizenInbox.Add);
        var peter = await Server.ConnectAgentAsync(Demo.SecondFuresoAgent);
        try
        {
            var offers = new Inbox<AgentChat>();
            peter.ChatOffered += offers.Add;
            await peter.SetPresenceAsync(Presence.Available);
            await mia.SendAsync(chat.ChatId, "Jeg giver dig videre til min kollega.", "1");
            await mia.TransferChatAsync(chat.ChatId, (await peter.GetSessionAsync()).AgentId);
            await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
            await peter.AcceptChatAsync(chat.ChatId);

            var ack = await peter.SendAsync(chat.ChatId, "Hej, det er Peter.", "1");

            ack.Duplicate.Should().BeFalse();
            (await citizenInbox.WaitForAsync(m => m.MessageId == ack.MessageId)).Text.Should().Be("Hej, det er Peter.");
        }
        finally
        {
            await peter.EndChatAsync(chat.ChatId);
            await mia.StopAsync();
            await peter.StopAsync();
        }
    }

    [Fact]
    public async Task A_resend_is_answered_with_the_first_acknowledgement_and_shown_to_nobody_again()
    {
        var (agent, citizen, chat) = await Server.AcceptedChatAsync(Demo.SecondFuresoAgent, "soroe");
        await using var citizenTab = await RawHub.CitizenAsync(Server, citizen.SessionToken!);
        await using var agentWindow = await RawHub.AgentAsync(Server, Demo.SecondFuresoAgent);
        try
        {
            var first = await citizen.SendAsync("Mit pas er væk.", "c1");
            var again = await citizen.SendAsync("Mit pas er væk.", "c1");
            var reply = await agent.SendAsync(chat.ChatId, "Det kan vi hjælpe med.", "a1");
            var replyAgain = await agent.SendAsync(chat.ChatId, "Det kan vi hjælpe med.", "a1");
            var last = await citizen.SendAsync("Tak.", "c2");

            again.Should().Be(first with { Duplicate = true });
            replyAgain.Should().Be(reply with { Duplicate = true });

            // Events of one node reach a connection in the order they were sent: once the last message is in, a
            // repeat of an earlier one would have arrived before it.
            await citizenTab.Messages.WaitForAsync(m => m.GetProperty("messageId").GetGuid() == last.MessageId);
            await agentWindow.Messages.WaitForAsync(m => m.GetProperty("messageId").GetGuid() == last.MessageId);
            Ids(citizenTab).Should().Equal(first.MessageId, reply.MessageId, last.MessageId);
            Ids(agentWindow).Should().Equal(first.MessageId, reply.MessageId, last.MessageId);
        }
        finally
        {
            await agent.EndChatAsync(chat.ChatId);
            await agent.StopAsync();
        }
    }

    private static IEnumerable<Guid> Ids(RawHub hub) => hub.Messages.Items.Select(m => m.GetProperty("messageId").GetGuid());
}
