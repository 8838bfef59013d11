using SharedHotline.Domain.Routing;

namespace SharedHotline.Infrastructure.Tests.LiveState;

/// <summary>A console that reconnects within the grace keeps the agent's presence and her chats; later, or after choosing offline, it does not.</summary>
public abstract partial class LiveStateContract
{
    [Theory]
    [InlineData(PresenceStatus.Available)]
    [InlineData(PresenceStatus.Away)]
    public async Task An_agent_whose_console_reconnects_within_the_grace_gets_back_her_presence_and_keeps_her_chats(PresenceStatus status)
    {
        await Available(Agent, capacity: 2);
        var chat = Chat();
        await Store.EnqueueAsync(chat);
        await Store.TryAssignAsync(chat.ChatId, Agent);
        await Store.SetPresenceAsync(Agent, 190, status, 2, ["pas"]);
        await Store.LeaveAsync(Agent);
        (await Store.GetAgentAsync(Agent))!.Status.Should().Be(PresenceStatus.Offline, "no chat is offered to her while she is away");

        Time.Advance(TimeSpan.FromSeconds(40));
        var resumed = await Store.TakeOverPresenceAsync(Agent, 190, 2, ["pas"]);
        Time.Advance(TimeSpan.FromMinutes(5));

        resumed.Should().Be(status);
        (await ReclaimAsync()).Should().BeEmpty();
        (await Store.GetAgentAsync(Agent))!.Status.Should().Be(status);
        (await Store.GetAssignedAgentAsync(chat.ChatId)).Should().Be(Agent);
    }

    [Fact]
    public async Task A_console_that_reconnects_after_the_grace_finds_her_offline_and_her_chats_back_in_the_queue()
    {
        await Available(Agent, capacity: 2);
        var chat = Chat();
        await Store.EnqueueAsync(chat);
        await Store.TryAssignAsync(chat.ChatId, Agent);
        await Store.LeaveAsync(Agent);

        Time.Advance(TimeSpan.FromSeconds(61));
        var reclaimed = await ReclaimAsync();
        var resumed = await Store.TakeOverPresenceAsync(Agent, 190, 2, ["pas"]);

        reclaimed.Select(r => r.ChatId).Should().Equal(chat.ChatId);
        resumed.Should().BeNull();
        (await Store.GetAgentAsync(Agent))!.Status.Should().Be(PresenceStatus.Offline);
    }

    [Fact]
    public async Task An_agent_who_chose_offline_stays_offline_when_a_console_of_hers_reconnects()
    {
        await Available(Agent, capacity: 2);
        await Store.SetOfflineAsync(Agent);
        await Store.LeaveAsync(Agent);

        (await Store.TakeOverPresenceAsync(Agent, 190, 2, ["pas"])).Should().BeNull();

        await Available(Agent, capacity: 2);
        await Store.LeaveAsync(Agent);
        await Store.SetOfflineAsync(Agent);
        (await Store.TakeOverPresenceAsync(Agent, 190, 2, ["pas"])).Should().BeNull("choosing offline after leaving counts too");
    }

    [Fact]
    public async Task A_restored_assignment_stays_with_its_agent_when_her_console_reconnects_within_the_grace()
    {
        var chat = Chat();
        await Store.RestoreAssignmentAsync(chat, Agent);

        var resumed = await Store.TakeOverPresenceAsync(Agent, 190, 2, ["pas"]);
        Time.Advance(TimeSpan.FromMinutes(2));

        resumed.Should().Be(PresenceStatus.Away, "her presence was lost with the store; her chat was not");
        (await ReclaimAsync()).Should().BeEmpty();
        (await Store.GetAssignedAgentAsync(chat.ChatId)).Should().Be(Agent);
    }
}
