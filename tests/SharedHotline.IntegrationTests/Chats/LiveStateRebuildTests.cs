using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class LiveStateRebuildTests
{
    [Fact]
    public async Task A_rebuild_of_a_lost_live_state_that_fails_halfway_is_retried_until_the_agent_has_her_chat_back()
    {
        await using var server = await InterceptedLiveState.StartServerAsync(Demo.TuesdayEvening);
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");

        // The store comes back empty, and the first rebuild fails on its first write, as while Redis reconnects.
        InterceptedLiveState.Of(server).LoseEverything(failNextRestore: true);

        AgentSession? session = null;
        for (var tick = 0; tick < 6 && session?.Chats.Count != 1; tick++)
        {
            server.Advance(LiveStateMaintenance.Interval);
            await Task.Delay(300);
            session = await agent.GetSessionAsync();
        }

        session!.Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId, "the rebuild is tried again until it finishes");
        var after = await citizen.SendAsync("Er du der stadig?");
        after.Seq.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_chat_ended_while_the_live_state_is_rebuilt_is_not_given_back_to_its_agent()
    {
        await using var server = await InterceptedLiveState.StartServerAsync(Demo.TuesdayEvening);
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var live = InterceptedLiveState.Of(server);

        // The rebuild has read the chat as open when the citizen ends it (on another node, say): the ending is
        // stored, and its release finds nothing to release in the empty store.
        live.LoseEverything(failNextRestore: false);
        live.BeforeNextRestore = () => citizen.EndChatAsync();
        for (var tick = 0; tick < 3; tick++)
        {
            server.Advance(LiveStateMaintenance.Interval);
            await Task.Delay(300);
        }

        live.BeforeNextRestore.Should().BeNull("the rebuild restored the chat after it had ended");
        (await agent.GetSessionAsync()).Chats.Should().NotContain(c => c.ChatId == chat.ChatId, "an ended chat takes none of the agent's places");
        (await live.GetAssignedAgentAsync(chat.ChatId)).Should().BeNull();
    }
}
