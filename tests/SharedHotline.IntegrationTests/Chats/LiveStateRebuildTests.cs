using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.LiveState;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class LiveStateRebuildTests
{
    [Fact]
    public async Task A_rebuild_of_a_lost_live_state_that_fails_halfway_is_retried_until_the_agent_has_her_chat_back()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, configure: services =>
        {
            services.AddSingleton<LosableLiveState>();
            services.AddSingleton<ILiveState>(sp => sp.GetRequiredService<LosableLiveState>());
        });
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");

        // The store comes back empty, and the first rebuild fails on its first write, as while Redis reconnects.
        server.Services.GetRequiredService<LosableLiveState>().LoseEverything(failNextRestore: true);

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
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, configure: services =>
        {
            services.AddSingleton<LosableLiveState>();
            services.AddSingleton<ILiveState>(sp => sp.GetRequiredService<LosableLiveState>());
        });
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var live = server.Services.GetRequiredService<LosableLiveState>();

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

    /// <summary>
    /// The in-process live state, which the test can empty at once as a Redis restart would, optionally failing the
    /// next restored assignment once.
    /// </summary>
    private sealed class LosableLiveState(TimeProvider time) : ILiveState
    {
        private volatile InProcessLiveState _current = new(time);
        private int _failRestore;

        public void LoseEverything(bool failNextRestore)
        {
            Volatile.Write(ref _failRestore, failNextRestore ? 1 : 0);
            _current = new InProcessLiveState(time);
        }

        /// <summary>Runs once, just before the next restored assignment is written.</summary>
        public Func<Task>? BeforeNextRestore { get; set; }

        public async Task RestoreAssignmentAsync(QueuedChat chat, Guid agentId, CancellationToken ct = default)
        {
            if (Interlocked.Exchange(ref _failRestore, 0) == 1)
            {
                throw new TimeoutException("The live state is still reconnecting.");
            }

            if (BeforeNextRestore is { } before)
            {
                BeforeNextRestore = null;
                await before();
            }

            await _current.RestoreAssignmentAsync(chat, agentId, ct);
        }

        public Task SetPresenceAsync(Guid agentId, int homeKommune, PresenceStatus status, int capacity, IReadOnlyList<string> skills, CancellationToken ct = default) =>
            _current.SetPresenceAsync(agentId, homeKommune, status, capacity, skills, ct);

        public Task SetOfflineAsync(Guid agentId, CancellationToken ct = default) => _current.SetOfflineAsync(agentId, ct);

        public Task LeaveAsync(Guid agentId, CancellationToken ct = default) => _current.LeaveAsync(agentId, ct);

        public Task<IReadOnlyList<AgentPresence>> GetAgentsAsync(CancellationToken ct = default) => _current.GetAgentsAsync(ct);

        public Task<AgentPresence?> GetAgentAsync(Guid agentId, CancellationToken ct = default) => _current.GetAgentAsync(agentId, ct);

        public Task EnqueueAsync(QueuedChat chat, CancellationToken ct = default) => _current.EnqueueAsync(chat, ct);

        public Task<IReadOnlyList<QueuedChat>> GetQueueAsync(CancellationToken ct = default) => _current.GetQueueAsync(ct);

        public Task<bool> RemoveFromQueueAsync(Guid chatId, CancellationToken ct = default) => _current.RemoveFromQueueAsync(chatId, ct);

        public Task<bool> TryAssignAsync(Guid chatId, Guid agentId, CancellationToken ct = default) => _current.TryAssignAsync(chatId, agentId, ct);

        public Task<bool> TryTransferAsync(Guid chatId, Guid fromAgentId, Guid toAgentId, CancellationToken ct = default) =>
            _current.TryTransferAsync(chatId, fromAgentId, toAgentId, ct);

        public Task<Guid?> GetAssignedAgentAsync(Guid chatId, CancellationToken ct = default) => _current.GetAssignedAgentAsync(chatId, ct);

        public Task<IReadOnlyList<Guid>> GetChatsOfAgentAsync(Guid agentId, CancellationToken ct = default) => _current.GetChatsOfAgentAsync(agentId, ct);

        public Task<bool> ReleaseAsync(Guid chatId, DateTimeOffset at, CancellationToken ct = default) => _current.ReleaseAsync(chatId, at, ct);

        public Task HeartbeatAsync(CancellationToken ct = default) => _current.HeartbeatAsync(ct);

        public Task<IReadOnlyList<QueuedChat>> ReclaimLostChatsAsync(TimeSpan offlineGrace, CancellationToken ct = default) =>
            _current.ReclaimLostChatsAsync(offlineGrace, ct);

        public Task<bool> WasResetAsync(CancellationToken ct = default) => _current.WasResetAsync(ct);
    }
}
