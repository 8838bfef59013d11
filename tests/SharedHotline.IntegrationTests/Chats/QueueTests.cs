using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class QueueTests
{
    [Fact]
    public async Task With_the_agent_at_capacity_citizens_wait_in_order_and_the_longest_waiting_is_served_first()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        var session = await agent.SetPresenceAsync(Presence.Available);
        session.Capacity.Should().Be(3);

        var busy = new List<Guid>();
        for (var i = 0; i < session.Capacity; i++)
        {
            var c = await server.ConnectCitizenAsync();
            var chat = (await c.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
            await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
            await agent.AcceptChatAsync(chat.ChatId);
            busy.Add(chat.ChatId);
        }

        var waiting = new List<(CitizenHubClient Client, CitizenChat Chat, Inbox<QueueStatus> Queue)>();
        for (var i = 0; i < 3; i++)
        {
            var client = await server.ConnectCitizenAsync();
            var queue = new Inbox<QueueStatus>();
            client.QueueUpdated += queue.Add;
            var chat = (await client.StartChatAsync(new StartChatRequest("fredensborg", "koerekort"))).Chat!;
            chat.Status.Should().Be(ChatStatus.Queued);
            waiting.Add((client, chat, queue));
        }

        waiting.Select(w => w.Chat.Queue!.Position).Should().Equal(1, 2, 3);
        waiting.Should().OnlyContain(w => w.Chat.Queue!.EstimatedWaitSeconds > 0);

        await agent.EndChatAsync(busy[0]);

        (await offers.WaitForAsync(o => o.ChatId == waiting[0].Chat.ChatId)).Kommune.Should().Be("fredensborg");
        (await waiting[1].Queue.WaitForAsync(q => q.Position == 1)).QueueLength.Should().Be(2);
        (await waiting[2].Queue.WaitForAsync(q => q.Position == 2)).Position.Should().Be(2);
        offers.Items.Should().NotContain(o => o.ChatId == waiting[1].Chat.ChatId || o.ChatId == waiting[2].Chat.ChatId);
    }

    [Fact]
    public async Task A_citizen_who_leaves_the_queue_abandons_the_chat_and_those_behind_move_up()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var first = await server.ConnectCitizenAsync();
        var second = await server.ConnectCitizenAsync();
        var secondQueue = new Inbox<QueueStatus>();
        second.QueueUpdated += secondQueue.Add;
        var states = new Inbox<ChatStateChanged>();
        first.StateChanged += states.Add;
        await first.StartChatAsync(new StartChatRequest("soroe", "pas"));
        (await second.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!.Queue!.Position.Should().Be(2);

        await first.EndChatAsync();

        (await states.WaitForAsync(s => s.Status == ChatStatus.Abandoned)).Status.Should().Be(ChatStatus.Abandoned);
        (await secondQueue.WaitForAsync(q => q.Position == 1)).QueueLength.Should().Be(1);
    }

    [Fact]
    public async Task An_agent_can_return_a_chat_to_the_front_of_the_queue_or_transfer_it_to_a_colleague()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var peter = await server.ConnectAgentAsync(Demo.SecondFuresoAgent);
        var miaOffers = new Inbox<AgentChat>();
        var peterOffers = new Inbox<AgentChat>();
        mia.ChatOffered += miaOffers.Add;
        peter.ChatOffered += peterOffers.Add;
        await mia.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "sygedagpenge"))).Chat!;
        await miaOffers.WaitForAsync(o => o.ChatId == chat.ChatId);
        await mia.AcceptChatAsync(chat.ChatId);
        var peterId = (await peter.SetPresenceAsync(Presence.Away)).AgentId;

        var act = () => mia.TransferChatAsync(chat.ChatId, peterId);
        (await act.Should().ThrowAsync<SharedHotline.Client.HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.AgentUnavailable);

        await peter.SetPresenceAsync(Presence.Available);
        await mia.TransferChatAsync(chat.ChatId, peterId);
        (await peterOffers.WaitForAsync(o => o.ChatId == chat.ChatId)).Messages.Should().NotBeEmpty();
        await peter.AcceptChatAsync(chat.ChatId);

        await peter.TransferChatAsync(chat.ChatId, null);
        var reoffered = await miaOffers.WaitForAsync(o => o.ChatId == chat.ChatId && o.Status == ChatStatus.Assigned && o.Messages.Count > 2);
        reoffered.Messages.Should().Contain(m => m.Sender == Sender.System && m.Text.Contains("Peter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chat_put_back_in_the_queue_and_then_left_by_its_citizen_adds_no_handle_time_to_the_wait_estimates()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (mia, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        server.Advance(TimeSpan.FromMinutes(40));
        await mia.SetPresenceAsync(Presence.Away);
        await mia.TransferChatAsync(chat.ChatId, null);

        await citizen.EndChatAsync();

        server.Services.GetRequiredService<HandleTimes>().Average.Should().Be(HandleTimes.Default,
            "nobody handled the chat to its end: the 40 minutes before it went back to the queue are no handle time");
    }

    [Fact]
    public async Task A_chat_returned_to_the_queue_is_not_offered_back_to_her_even_by_a_pass_at_that_very_moment()
    {
        await using var server = await InterceptedLiveState.StartServerAsync(Demo.TuesdayEvening);
        var (mia, _, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var console = new Inbox<string>();
        mia.ChatOffered += o => console.Add($"offered {o.ChatId}");
        mia.ChatRemoved += r => console.Add($"removed {r.ChatId}");

        // The moment the chat is back in the queue, a routing pass on another node looks for an agent: Mia is still
        // available with a free place, but she handed the chat on.
        InterceptedLiveState.Of(server).AfterNextRequeue =
            () => server.Services.GetRequiredService<ChatDispatcher>().DispatchAsync(CancellationToken.None);
        await mia.TransferChatAsync(chat.ChatId, null);
        await console.WaitForAsync(e => e == $"removed {chat.ChatId}");

        console.Items.Should().Equal($"removed {chat.ChatId}");
        (await mia.GetSessionAsync()).Chats.Should().BeEmpty();
        (await mia.GetQueueAsync()).Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId, "it waits for a colleague, or for her to take it herself");
    }
}
