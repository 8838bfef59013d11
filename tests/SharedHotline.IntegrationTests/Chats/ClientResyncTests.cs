using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>
/// A hub event lost in transit (the backplane was away) must not leave a connected agent or citizen without a
/// message the other side was told is sent: the failed send asks every client to fetch what it missed.
/// </summary>
public sealed class ClientResyncTests
{
    [Fact]
    public async Task A_message_push_that_fails_asks_connected_clients_to_resync_on_the_next_ticks()
    {
        var resync = new ClientResync();
        var notifier = new ChatNotifier(
            new FailingHub<CitizenHub, ICitizenHubClient>(),
            new FailingHub<AgentHub, IAgentHubClient>(),
            new LocalGroupMembers(overBackplane: false),
            resync,
            NullLogger<ChatNotifier>.Instance);
        resync.TakeTick().Should().BeFalse("nothing has failed yet");

        var send = () => notifier.MessageAsync(
            new ChatMessage(Guid.NewGuid(), Guid.NewGuid(), 4, "c-4", Sender.Citizen, null, "Hej", DateTimeOffset.UtcNow, false),
            agentId: Guid.NewGuid());

        await send.Should().NotThrowAsync("the message is stored; a lost push never fails the writer's call");
        Enumerable.Range(0, ClientResync.Ticks + 1).Select(_ => resync.TakeTick())
            .Should().Equal(Enumerable.Repeat(true, ClientResync.Ticks).Append(false), "clients are asked on the next few ticks, then no more");
    }

    [Fact]
    public void A_new_request_while_ticks_are_left_starts_the_count_again()
    {
        var resync = new ClientResync();
        resync.Request();
        resync.TakeTick().Should().BeTrue();
        resync.TakeTick().Should().BeTrue();

        resync.Request();

        Enumerable.Range(0, ClientResync.Ticks + 1).Select(_ => resync.TakeTick())
            .Should().Equal(Enumerable.Repeat(true, ClientResync.Ticks).Append(false));
    }

    [Fact]
    public async Task A_hub_call_that_fails_on_the_live_state_halfway_asks_connected_clients_to_resync()
    {
        await using var server = await InterceptedLiveState.StartServerAsync(Demo.TuesdayEvening);
        var (mia, _, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var resync = server.Services.GetRequiredService<ClientResync>();
        while (resync.TakeTick())
        {
            // start-up's own request (the live state was built), used up
        }

        // Her console has already been told the chat is gone when Redis times out on putting it back in the queue:
        // whether it is hers or waiting, only a resync shows her which.
        InterceptedLiveState.Of(server).AfterNextRequeue = () => Task.FromException(new Domain.Routing.LiveStateUnavailableException("Timeout performing EVALSHA"));
        var giveBack = () => mia.TransferChatAsync(chat.ChatId, null);

        (await giveBack.Should().ThrowAsync<SharedHotline.Client.HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.Unavailable);
        resync.TakeTick().Should().BeTrue("connected consoles are asked to fetch their chats again on the next ticks");
    }

    private sealed class FailingHub<THub, T> : IHubContext<THub, T>
        where THub : Hub<T>
        where T : class
    {
        public IHubClients<T> Clients { get; } = new FailingClients<T>();

        public IGroupManager Groups => throw new NotSupportedException();
    }

    private sealed class FailingClients<T> : IHubClients<T>
        where T : class
    {
        private readonly T _client = System.Reflection.DispatchProxy.Create<T, FailingProxy>();

        public T All => _client;

        public T AllExcept(IReadOnlyList<string> excludedConnectionIds) => _client;

        public T Client(string connectionId) => _client;

        public T Clients(IReadOnlyList<string> connectionIds) => _client;

        public T Group(string groupName) => _client;

        public T GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => _client;

        public T Groups(IReadOnlyList<string> groupNames) => _client;

        public T User(string userId) => _client;

        public T Users(IReadOnlyList<string> userIds) => _client;
    }

    /// <summary>Every hub event fails as a publish does while Redis is away.</summary>
    public class FailingProxy : System.Reflection.DispatchProxy
    {
        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) =>
            Task.FromException(new Domain.Routing.LiveStateUnavailableException("No connection is active: Redis is away"));
    }
}
