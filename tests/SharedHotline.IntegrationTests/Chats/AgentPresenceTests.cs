using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Routing;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>
/// A reconnecting console keeps the agent's presence and her chats; a chat never leaves her without her console
/// being told; and she hands her chats back before she can go offline.
/// </summary>
public sealed class AgentPresenceTests
{
    [Fact]
    public async Task A_console_that_reconnects_within_the_grace_finds_her_presence_and_her_chats_and_keeps_them()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (mia, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var miaId = (await mia.GetSessionAsync()).AgentId;
        var states = new Inbox<ChatStateChanged>();
        citizen.StateChanged += states.Add;

        // A reload: the socket closes, a new console connects and asks for the session; it sets no presence itself.
        await mia.StopAsync();
        await server.WaitForPresenceAsync(miaId, PresenceStatus.Offline);
        var again = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var messages = new Inbox<ChatMessage>();
        again.MessageReceived += messages.Add;
        var session = await again.GetSessionAsync();
        await server.PassTheOfflineGraceAsync();
        var ack = await citizen.SendAsync("Er du der endnu?");

        session.Presence.Should().Be(Presence.Available, "she was available when the socket closed");
        session.Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId);
        (await messages.WaitForAsync(m => m.MessageId == ack.MessageId)).ChatId.Should().Be(chat.ChatId, "the chat is still hers past the grace");
        (await again.GetSessionAsync()).Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId);
        states.Items.Should().NotContain(s => s.Status == ChatStatus.Queued, "the citizen never saw her chat go back to the queue");
    }

    [Fact]
    public async Task A_chat_reclaimed_past_the_grace_is_removed_from_any_console_of_hers_and_the_citizen_waits_again()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (mia, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var removed = new Inbox<ChatRemoved>();
        mia.ChatRemoved += removed.Add;
        var states = new Inbox<ChatStateChanged>();
        citizen.StateChanged += states.Add;

        // The live state lost her presence while her console stayed connected (as after a Redis restart when her
        // node could not re-assert it in time): past the grace her chat goes back to the queue.
        await server.Services.GetRequiredService<ILiveState>().SetOfflineAsync((await mia.GetSessionAsync()).AgentId);
        await server.PassTheOfflineGraceAsync();

        (await removed.WaitForAsync(r => r.ChatId == chat.ChatId)).Reason.Should().Be(ChatRemovedReasons.Reclaimed);
        await states.WaitForAsync(s => s.ChatId == chat.ChatId && s.Status == ChatStatus.Queued);
        (await mia.GetSessionAsync()).Chats.Should().BeEmpty();
    }

    [Fact]
    public async Task Going_offline_with_an_open_chat_is_refused_until_she_has_handed_it_back()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (mia, _, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");

        var offline = async () => await mia.SetPresenceAsync(Presence.Offline);

        (await offline.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.AgentHasChats);
        var session = await mia.GetSessionAsync();
        session.Presence.Should().Be(Presence.Available);
        session.Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId, "a refusal takes nothing from her");
        await mia.EndChatAsync(chat.ChatId);
        (await mia.SetPresenceAsync(Presence.Offline)).Presence.Should().Be(Presence.Offline);
    }
}
