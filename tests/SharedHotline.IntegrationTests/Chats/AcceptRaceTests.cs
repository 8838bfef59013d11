using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class AcceptRaceTests
{
    [Fact]
    public async Task An_accept_that_loses_the_chat_to_a_colleague_midway_leaves_it_with_the_colleague_alone()
    {
        await using var server = await InterceptedLiveState.StartServerAsync(Demo.TuesdayEvening);
        var citizenMessages = new Inbox<ChatMessage>();
        var (mia, citizen, chat) = await server.OfferedChatAsync(Demo.FuresoAgent, "soroe", citizenInbox: citizenMessages.Add);

        var peter = await server.ConnectAgentAsync(Demo.SecondFuresoAgent);
        var peterOffers = new Inbox<AgentChat>();
        peter.ChatOffered += peterOffers.Add;
        await using var miasOtherWindow = await server.ConnectAgentAsync(Demo.FuresoAgent);

        // Mia's accept has found the chat hers when, in her other window, she steps away and puts it back in the
        // queue, and Peter, just signed in, is given it.
        InterceptedLiveState.Of(server).AfterNextHolderLookup = async () =>
        {
            await miasOtherWindow.SetPresenceAsync(Presence.Away);
            await miasOtherWindow.TransferChatAsync(chat.ChatId, null);
            await peter.SetPresenceAsync(Presence.Available);
            await peterOffers.WaitForAsync(o => o.ChatId == chat.ChatId);
        };
        var accept = () => mia.AcceptChatAsync(chat.ChatId);

        (await accept.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccessible);
        var write = () => mia.SendAsync(chat.ChatId, "Hej, det er Mia");
        (await write.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccessible, "the chat is Peter's");
        await peter.AcceptChatAsync(chat.ChatId);
        await peter.SendAsync(chat.ChatId, "Hej, det er Peter");
        (await citizenMessages.WaitForAsync(m => m.Sender == Sender.Agent)).Text.Should().Be("Hej, det er Peter");
        (await citizen.GetHistoryAsync()).Where(m => m.Sender == Sender.Agent).Select(m => m.Text).Should().Equal("Hej, det er Peter");
    }
}
