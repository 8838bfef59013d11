using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class LostAgentTests
{
    [Fact]
    public async Task A_lost_agents_chat_that_a_routing_pass_gives_to_a_colleague_at_once_stays_the_colleagues()
    {
        await using var server = await InterceptedLiveState.StartServerAsync(Demo.TuesdayEvening);
        var (mia, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var peter = await server.ConnectAgentAsync(Demo.SecondFuresoAgent);
        var peterOffers = new Inbox<AgentChat>();
        var peterMessages = new Inbox<ChatMessage>();
        peter.ChatOffered += peterOffers.Add;
        peter.MessageReceived += peterMessages.Add;
        await peter.SetPresenceAsync(Presence.Available);
        var states = new Inbox<ChatStateChanged>();
        citizen.StateChanged += states.Add;

        // Mia's connection is gone for good. The moment her chat is back in the queue, a routing pass (on another
        // node, say) gives it to Peter, before this node has recorded it as waiting.
        await mia.StopAsync();
        InterceptedLiveState.Of(server).AfterNextReclaim =
            () => server.Services.GetRequiredService<ChatDispatcher>().DispatchAsync(CancellationToken.None);
        for (var tick = 0; tick < 14 && peterOffers.Items.Count == 0; tick++)
        {
            server.Advance(LiveStateMaintenance.Interval);
            await Task.Delay(200);
        }

        await peterOffers.WaitForAsync(o => o.ChatId == chat.ChatId);
        server.Advance(LiveStateMaintenance.Interval);
        await Task.Delay(300);
        await citizen.SendAsync("Er der nogen?");

        (await peterMessages.WaitForAsync(m => m.Text == "Er der nogen?")).ChatId.Should().Be(chat.ChatId, "the chat is Peter's now");
        states.Items.Last(s => s.ChatId == chat.ChatId).Status.Should().NotBe(ChatStatus.Queued, "her screen must not say she waits while Peter has her chat");
    }
}
