using Microsoft.Extensions.Time.Testing;
using SharedHotline.Domain.Routing;

namespace SharedHotline.Infrastructure.Tests.LiveState;

/// <summary>
/// The behaviour every live-state store must have. Run against the in-process store and against Redis,
/// with the same tests: a store that passes here can carry the hotline.
/// </summary>
public abstract partial class LiveStateContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 24, 19, 30, 0, TimeSpan.Zero);
    private static readonly Guid Agent = Guid.NewGuid();
    private static readonly Guid OtherAgent = Guid.NewGuid();

    protected FakeTimeProvider Time { get; } = new(Start);

    protected ILiveState Store { get; private set; } = null!;

    /// <summary>A fresh, empty store; <paramref name="nodeId"/> names the node it runs on.</summary>
    protected abstract Task<ILiveState> CreateStoreAsync(string nodeId);

    public async Task InitializeAsync() => Store = await CreateStoreAsync("node-a");

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_nodes_first_look_counts_as_a_reset_so_it_rebuilds_from_the_database()
    {
        (await Store.WasResetAsync()).Should().BeTrue();
        (await Store.WasResetAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task Queued_chats_come_back_longest_waiting_first_with_returned_chats_in_front()
    {
        var early = Chat(minutesAgo: 10);
        var late = Chat(minutesAgo: 1);
        var returned = Chat(minutesAgo: 2) with { Priority = true };
        await Store.EnqueueAsync(late);
        await Store.EnqueueAsync(early);
        await Store.EnqueueAsync(returned);

        (await Store.GetQueueAsync()).Select(q => q.ChatId).Should().Equal(returned.ChatId, early.ChatId, late.ChatId);
    }

    [Fact]
    public async Task Chats_queued_at_the_same_instant_keep_their_arrival_order()
    {
        var chats = Enumerable.Range(0, 5).Select(_ => Chat(minutesAgo: 0)).ToList();
        foreach (var chat in chats)
        {
            await Store.EnqueueAsync(chat);
        }

        (await Store.GetQueueAsync()).Select(q => q.ChatId).Should().Equal(chats.Select(c => c.ChatId));
    }

    [Fact]
    public async Task Enqueueing_twice_or_after_assignment_changes_nothing()
    {
        var chat = Chat();
        await Available(Agent, capacity: 1);
        await Store.EnqueueAsync(chat);
        await Store.EnqueueAsync(chat);
        (await Store.GetQueueAsync()).Should().ContainSingle();

        (await Store.TryAssignAsync(chat.ChatId, Agent)).Should().BeTrue();
        await Store.EnqueueAsync(chat);

        (await Store.GetQueueAsync()).Should().BeEmpty();
        (await Store.GetAssignedAgentAsync(chat.ChatId)).Should().Be(Agent);
    }

    [Fact]
    public async Task An_assignment_respects_capacity_and_presence()
    {
        await Available(Agent, capacity: 2);
        await Store.SetPresenceAsync(OtherAgent, 316, PresenceStatus.Away, 3, []);
        var chats = Enumerable.Range(0, 3).Select(_ => Chat()).ToList();
        foreach (var chat in chats)
        {
            await Store.EnqueueAsync(chat);
        }

        (await Store.TryAssignAsync(chats[0].ChatId, Agent)).Should().BeTrue();
        (await Store.TryAssignAsync(chats[1].ChatId, Agent)).Should().BeTrue();
        (await Store.TryAssignAsync(chats[2].ChatId, Agent)).Should().BeFalse("the agent is at capacity");
        (await Store.TryAssignAsync(chats[2].ChatId, OtherAgent)).Should().BeFalse("the other agent is away");
        (await Store.TryAssignAsync(chats[0].ChatId, Agent)).Should().BeFalse("the chat is no longer queued");

        var agent = await Store.GetAgentAsync(Agent);
        agent!.ActiveChats.Should().Be(2);
        agent.CanTakeChat.Should().BeFalse();
        (await Store.GetChatsOfAgentAsync(Agent)).Should().BeEquivalentTo([chats[0].ChatId, chats[1].ChatId]);
        (await Store.GetQueueAsync()).Select(q => q.ChatId).Should().Equal(chats[2].ChatId);
    }

    [Fact]
    public async Task Concurrent_assignments_give_every_chat_to_exactly_one_agent_and_nobody_above_capacity()
    {
        var agents = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
        foreach (var agent in agents)
        {
            await Available(agent, capacity: 3);
        }

        var chats = Enumerable.Range(0, 40).Select(_ => Chat()).ToList();
        foreach (var chat in chats)
        {
            await Store.EnqueueAsync(chat);
        }

        var attempts = chats.SelectMany(c => agents.Select(a => (c.ChatId, a))).OrderBy(_ => Random.Shared.Next()).ToList();
        var wins = await Task.WhenAll(attempts.Select(async t => (t.ChatId, t.a, Won: await Store.TryAssignAsync(t.ChatId, t.a))));

        var won = wins.Where(w => w.Won).ToList();
        won.Should().HaveCount(30, "ten agents with capacity three take thirty chats");
        won.GroupBy(w => w.ChatId).Should().OnlyContain(g => g.Count() == 1);
        won.GroupBy(w => w.a).Should().OnlyContain(g => g.Count() == 3);
        (await Store.GetQueueAsync()).Should().HaveCount(10);
    }

    [Fact]
    public async Task Releasing_frees_capacity_and_marks_the_agent_idle_since_then()
    {
        await Available(Agent, capacity: 1);
        var chat = Chat();
        await Store.EnqueueAsync(chat);
        await Store.TryAssignAsync(chat.ChatId, Agent);
        Time.Advance(TimeSpan.FromMinutes(7));

        (await Store.ReleaseAsync(chat.ChatId, Time.GetUtcNow())).Should().BeTrue();
        (await Store.ReleaseAsync(chat.ChatId, Time.GetUtcNow())).Should().BeFalse();

        var agent = await Store.GetAgentAsync(Agent);
        agent!.ActiveChats.Should().Be(0);
        agent.LastFreedAt.Should().Be(Time.GetUtcNow());
        (await Store.GetAssignedAgentAsync(chat.ChatId)).Should().BeNull();
    }

    [Fact]
    public async Task A_transfer_moves_the_chat_only_to_an_available_agent_with_room()
    {
        await Available(Agent, capacity: 3);
        await Store.SetPresenceAsync(OtherAgent, 316, PresenceStatus.Away, 1, []);
        var chat = Chat();
        await Store.EnqueueAsync(chat);
        await Store.TryAssignAsync(chat.ChatId, Agent);

        (await Store.TryTransferAsync(chat.ChatId, Agent, OtherAgent)).Should().BeFalse();
        await Available(OtherAgent, capacity: 1);
        (await Store.TryTransferAsync(chat.ChatId, OtherAgent, Agent)).Should().BeFalse("only the holder can transfer");
        (await Store.TryTransferAsync(chat.ChatId, Agent, OtherAgent)).Should().BeTrue();

        (await Store.GetAssignedAgentAsync(chat.ChatId)).Should().Be(OtherAgent);
        (await Store.GetAgentAsync(Agent))!.ActiveChats.Should().Be(0);
        (await Store.GetAgentAsync(OtherAgent))!.ActiveChats.Should().Be(1);
    }

    [Fact]
    public async Task Removing_a_queued_chat_takes_it_out_of_the_queue_once()
    {
        var chat = Chat();
        await Store.EnqueueAsync(chat);

        (await Store.RemoveFromQueueAsync(chat.ChatId)).Should().BeTrue();
        (await Store.RemoveFromQueueAsync(chat.ChatId)).Should().BeFalse();
        (await Store.GetQueueAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Chats_of_an_agent_offline_past_the_grace_period_return_to_the_front_of_the_queue()
    {
        await Available(Agent, capacity: 2);
        var waiting = Chat(minutesAgo: 30);
        var held = Chat(minutesAgo: 5);
        await Store.EnqueueAsync(held);
        await Store.TryAssignAsync(held.ChatId, Agent);
        await Store.EnqueueAsync(waiting);
        await Store.SetOfflineAsync(Agent);

        Time.Advance(TimeSpan.FromSeconds(30));
        (await ReclaimAsync()).Should().BeEmpty("the agent may still come back");
        Time.Advance(TimeSpan.FromSeconds(31));
        var reclaimed = await ReclaimAsync();

        reclaimed.Select(r => r.ChatId).Should().Equal(held.ChatId);
        (await Store.GetQueueAsync()).Select(q => q.ChatId).Should().Equal(held.ChatId, waiting.ChatId);
        (await Store.GetAssignedAgentAsync(held.ChatId)).Should().BeNull();
        (await Store.GetAgentAsync(Agent))!.ActiveChats.Should().Be(0);
    }

    [Fact]
    public async Task An_agent_who_comes_back_within_the_grace_period_keeps_their_chats()
    {
        await Available(Agent, capacity: 2);
        var chat = Chat();
        await Store.EnqueueAsync(chat);
        await Store.TryAssignAsync(chat.ChatId, Agent);
        await Store.SetOfflineAsync(Agent);
        Time.Advance(TimeSpan.FromSeconds(20));
        await Available(Agent, capacity: 2);
        Time.Advance(TimeSpan.FromMinutes(5));

        (await ReclaimAsync()).Should().BeEmpty();
        (await Store.GetAssignedAgentAsync(chat.ChatId)).Should().Be(Agent);
    }

    [Fact]
    public async Task A_restored_assignment_of_an_unknown_agent_returns_to_the_queue_if_they_do_not_come_back()
    {
        var chat = Chat();
        await Store.RestoreAssignmentAsync(chat, Agent);
        (await Store.GetAssignedAgentAsync(chat.ChatId)).Should().Be(Agent);

        Time.Advance(TimeSpan.FromMinutes(2));
        var reclaimed = await ReclaimAsync();

        reclaimed.Should().ContainSingle(r => r.ChatId == chat.ChatId && r.Priority);
    }

    [Fact]
    public async Task A_chat_its_agent_returns_goes_to_the_front_of_the_queue_and_frees_her_place()
    {
        await Available(Agent, capacity: 2);
        var returned = Chat(minutesAgo: 5);
        var waiting = Chat(minutesAgo: 30);
        await Store.EnqueueAsync(returned);
        (await Store.TryAssignAsync(returned.ChatId, Agent)).Should().BeTrue();
        await Store.EnqueueAsync(waiting);

        (await Store.RequeueAsync(returned with { Priority = true }, Agent, Time.GetUtcNow())).Should().BeTrue();

        (await Store.GetQueueAsync()).Select(q => q.ChatId).Should().Equal(returned.ChatId, waiting.ChatId);
        (await Store.GetAssignedAgentAsync(returned.ChatId)).Should().BeNull();
        (await Store.GetAgentAsync(Agent))!.ActiveChats.Should().Be(0);
    }

    [Fact]
    public async Task Only_the_agent_who_holds_a_chat_can_return_it_to_the_queue()
    {
        await Available(Agent, capacity: 2);
        await Available(OtherAgent, capacity: 2);
        var chat = Chat();
        await Store.EnqueueAsync(chat);
        (await Store.TryAssignAsync(chat.ChatId, OtherAgent)).Should().BeTrue();

        (await Store.RequeueAsync(chat with { Priority = true }, Agent, Time.GetUtcNow())).Should().BeFalse();

        (await Store.GetAssignedAgentAsync(chat.ChatId)).Should().Be(OtherAgent);
        (await Store.GetQueueAsync()).Should().BeEmpty();
        (await Store.GetAgentAsync(OtherAgent))!.ActiveChats.Should().Be(1);
    }

    [Fact]
    public async Task A_node_takes_over_an_agents_presence_as_it_is_but_never_brings_an_offline_agent_back()
    {
        await Store.SetPresenceAsync(Agent, 190, PresenceStatus.Away, 2, ["pas"]);
        (await Store.TakeOverPresenceAsync(Agent, 190, 3, ["pas"])).Should().Be(PresenceStatus.Away);
        (await Store.GetAgentAsync(Agent))!.Capacity.Should().Be(3);

        await Store.SetOfflineAsync(Agent);
        (await Store.TakeOverPresenceAsync(Agent, 190, 3, ["pas"])).Should().BeNull("she chose to go offline");
        (await Store.TakeOverPresenceAsync(OtherAgent, 190, 3, ["pas"])).Should().BeNull("an agent never seen has nothing to take over");
        (await Store.GetAgentAsync(Agent))!.Status.Should().Be(PresenceStatus.Offline);
    }

    /// <summary>As the maintenance loop does: heartbeat this node, then reclaim.</summary>
    protected async Task<IReadOnlyList<QueuedChat>> ReclaimAsync()
    {
        await Store.HeartbeatAsync();
        return await Store.ReclaimLostChatsAsync(TimeSpan.FromMinutes(1));
    }

    protected Task Available(Guid agentId, int capacity) =>
        Store.SetPresenceAsync(agentId, 190, PresenceStatus.Available, capacity, ["pas"]);

    protected QueuedChat Chat(int minutesAgo = 0) =>
        new(Guid.NewGuid(), 340, "pas", Time.GetUtcNow().AddMinutes(-minutesAgo));
}
