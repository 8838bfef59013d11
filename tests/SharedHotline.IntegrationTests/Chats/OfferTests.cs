using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>
/// An offer is the agent's until she accepts, returns or ends it; she accepts before she writes; and a chat she returns
/// to the queue is not offered back to her. Each test ends its chats and lets its agents go.
/// </summary>
public sealed class OfferTests(DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private HotlineServer Server => fixture.Server;

    [Fact]
    public async Task An_offered_chat_takes_no_message_or_typing_from_her_until_she_accepts_it()
    {
        var citizenInbox = new Inbox<ChatMessage>();
        var (mia, citizen, chat) = await Server.OfferedChatAsync(Demo.FuresoAgent, "soroe", citizenInbox: citizenInbox.Add);
        try
        {
            var write = async () => await mia.SendAsync(chat.ChatId, "Hej, jeg hedder Mia.");
            var type = async () => await mia.SetTypingAsync(chat.ChatId, true);

            (await write.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccepted);
            (await type.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccepted);
            (await citizen.GetHistoryAsync()).Should().NotContain(m => m.Sender == Sender.Agent);
            (await mia.GetSessionAsync()).Chats.Single(c => c.ChatId == chat.ChatId).Status.Should().Be(ChatStatus.Assigned, "refusing the message did not accept the chat");

            await mia.AcceptChatAsync(chat.ChatId);
            var ack = await mia.SendAsync(chat.ChatId, "Hej, jeg hedder Mia.");
            (await citizenInbox.WaitForAsync(m => m.MessageId == ack.MessageId)).Text.Should().Be("Hej, jeg hedder Mia.");
        }
        finally
        {
            await mia.EndChatAsync(chat.ChatId);
            await mia.StopAsync();
        }
    }

    [Fact]
    public async Task An_offer_waits_for_her_however_long_it_takes()
    {
        var (mia, _, chat) = await Server.OfferedChatAsync(Demo.FuresoAgent, "soroe");
        try
        {
            Server.Advance(TimeSpan.FromMinutes(10));
            await Server.PassTheOfflineGraceAsync();

            (await mia.GetSessionAsync()).Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId && c.Status == ChatStatus.Assigned);
        }
        finally
        {
            await mia.EndChatAsync(chat.ChatId);
            await mia.StopAsync();
        }
    }

    [Fact]
    public async Task A_chat_she_returns_to_the_queue_is_not_offered_back_to_her_though_she_may_take_it_herself()
    {
        var (mia, _, chat) = await Server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var offers = new Inbox<AgentChat>();
        mia.ChatOffered += offers.Add;
        try
        {
            // The call returns once a routing pass has seen the chat back in the queue: an offer back to her, on this
            // connection, would have come before the answer.
            await mia.TransferChatAsync(chat.ChatId, null);

            offers.Items.Should().NotContain(o => o.ChatId == chat.ChatId);
            (await mia.GetSessionAsync()).Chats.Should().BeEmpty("she handed the chat on; she is the only agent available, and it waits");
            (await mia.GetQueueAsync()).Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId);
            (await mia.AcceptChatAsync(chat.ChatId)).Status.Should().Be(ChatStatus.Active, "she may still take it back herself");
        }
        finally
        {
            await mia.EndChatAsync(chat.ChatId);
            await mia.StopAsync();
        }
    }
}
