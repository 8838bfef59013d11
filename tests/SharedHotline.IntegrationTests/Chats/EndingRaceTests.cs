using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Routing;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class EndingRaceTests
{
    [Fact]
    public async Task A_citizen_who_leaves_while_the_agent_accepts_stays_gone_and_the_agent_is_told_the_chat_ended()
    {
        await using var server = await InterceptedLiveState.StartServerAsync(Demo.TuesdayEvening);
        var (mia, citizen, chat) = await server.OfferedChatAsync(Demo.FuresoAgent, "soroe");

        // Mia's accept has read the chat and found it hers when the citizen closes the window (on another node, say).
        InterceptedLiveState.Of(server).AfterNextHolderLookup = () => citizen.EndChatAsync();
        var accept = () => mia.AcceptChatAsync(chat.ChatId);

        (await accept.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatEnded);
        (await mia.GetSessionAsync()).Chats.Should().NotContain(c => c.ChatId == chat.ChatId);
        var write = () => citizen.SendAsync("Hallo?");
        (await write.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatEnded, "the chat she left stays ended");
    }

    [Fact]
    public async Task When_citizen_and_agent_end_a_chat_at_the_same_moment_it_ends_once()
    {
        await using var server = await InterceptedLiveState.StartServerAsync(Demo.TuesdayEvening);
        var (mia, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");

        // Mia's "end" has found the chat hers when the citizen's own "end" lands.
        InterceptedLiveState.Of(server).AfterNextHolderLookup = () => citizen.EndChatAsync();
        await mia.EndChatAsync(chat.ChatId);

        var closing = (await citizen.GetHistoryAsync()).Where(m => m.Sender == Sender.System).Select(m => m.Text).ToList();
        closing.Should().Contain("Borgeren har afsluttet chatten.").And.NotContain("Chatten er afsluttet.", "the chat ended once, when the citizen left");
    }

    [Fact]
    public async Task An_ended_chat_still_held_for_the_agent_by_the_live_state_is_let_go_when_she_ends_it()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (mia, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        await citizen.EndChatAsync();

        // A rebuild of the live state read the chat as open just before it ended and put it back with Mia; the
        // clean-up after that rebuild failed too.
        var session = await mia.GetSessionAsync();
        await server.Services.GetRequiredService<ILiveState>()
            .RestoreAssignmentAsync(new QueuedChat(chat.ChatId, 340, "pas", DateTimeOffset.UtcNow), session.AgentId);
        (await mia.GetSessionAsync()).Chats.Should().Contain(c => c.ChatId == chat.ChatId);
        var removed = new Inbox<ChatRemoved>();
        mia.ChatRemoved += removed.Add;

        await mia.EndChatAsync(chat.ChatId);

        await removed.WaitForAsync(r => r.ChatId == chat.ChatId);
        (await mia.GetSessionAsync()).Chats.Should().NotContain(c => c.ChatId == chat.ChatId, "the ended chat no longer takes one of her places");
    }
}
