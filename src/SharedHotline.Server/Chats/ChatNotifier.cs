using Microsoft.AspNetCore.SignalR;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Sends hub events from outside the hubs. Citizens listen on their chat's group, agents on their own group.
/// Events are best effort: a failed send (e.g. the Redis backplane is away) is logged and never undoes what
/// was stored; clients catch up by replaying from their last sequence number when they reconnect.
/// </summary>
public sealed class ChatNotifier(
    IHubContext<CitizenHub, ICitizenHubClient> citizens,
    IHubContext<AgentHub, IAgentHubClient> agents,
    ILogger<ChatNotifier> logger)
{
    public static string ChatGroup(Guid chatId) => $"chat:{chatId:N}";

    public static string AgentGroup(Guid agentId) => $"agent:{agentId:N}";

    public ICitizenHubClient Citizen(Guid chatId) => new SafeCitizenClient(citizens.Clients.Group(ChatGroup(chatId)), this);

    public IAgentHubClient Agent(Guid agentId) => new SafeAgentClient(agents.Clients.Group(AgentGroup(agentId)), this);

    /// <summary>Asks every connected client to fetch what it may have missed.</summary>
    public async Task ResyncEveryoneAsync()
    {
        await Safely(() => citizens.Clients.All.Resync(), nameof(ICitizenHubClient.Resync));
        await Safely(() => agents.Clients.All.Resync(), nameof(IAgentHubClient.Resync));
    }

    /// <summary>
    /// Sends a stored message to the chat's citizen and its agent, the other side first. The writer's own
    /// connection is left out when given: it has the message's id, number and time in its acknowledgement, and
    /// its other tabs still get the copy. Both sends start before either is awaited: over the Redis backplane
    /// each is a publish round trip, and the writer's acknowledgement waits for them.
    /// </summary>
    public Task MessageAsync(ChatMessage message, Guid? agentId, string? writerConnectionId = null)
    {
        var citizen = CitizenExcept(message.ChatId, message.Sender == Sender.Citizen ? writerConnectionId : null);
        if (agentId is not { } agent)
        {
            return citizen.MessageReceived(message);
        }

        var agentClient = AgentExcept(agent, message.Sender == Sender.Agent ? writerConnectionId : null);
        return message.Sender == Sender.Citizen
            ? Both(agentClient.MessageReceived(message), citizen.MessageReceived(message))
            : Both(citizen.MessageReceived(message), agentClient.MessageReceived(message));
    }

    private static async Task Both(Task first, Task second)
    {
        await first;
        await second;
    }

    private ICitizenHubClient CitizenExcept(Guid chatId, string? connectionId) => connectionId is null
        ? Citizen(chatId)
        : new SafeCitizenClient(citizens.Clients.GroupExcept(ChatGroup(chatId), [connectionId]), this);

    private IAgentHubClient AgentExcept(Guid agentId, string? connectionId) => connectionId is null
        ? Agent(agentId)
        : new SafeAgentClient(agents.Clients.GroupExcept(AgentGroup(agentId), [connectionId]), this);

    private async Task Safely(Func<Task> send, string evt)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Hub event {HubEvent} could not be sent; clients will catch up on reconnect", evt);
        }
    }

    private sealed class SafeCitizenClient(ICitizenHubClient inner, ChatNotifier owner) : ICitizenHubClient
    {
        public Task MessageReceived(ChatMessage message) => owner.Safely(() => inner.MessageReceived(message), nameof(MessageReceived));

        public Task QueueUpdated(QueueStatus status) => owner.Safely(() => inner.QueueUpdated(status), nameof(QueueUpdated));

        public Task ChatStateChanged(ChatStateChanged change) => owner.Safely(() => inner.ChatStateChanged(change), nameof(ChatStateChanged));

        public Task Typing(TypingSignal signal) => owner.Safely(() => inner.Typing(signal), nameof(Typing));

        public Task Resync() => owner.Safely(inner.Resync, nameof(Resync));
    }

    private sealed class SafeAgentClient(IAgentHubClient inner, ChatNotifier owner) : IAgentHubClient
    {
        public Task ChatOffered(AgentChat chat) => owner.Safely(() => inner.ChatOffered(chat), nameof(ChatOffered));

        public Task ChatRemoved(ChatRemoved removed) => owner.Safely(() => inner.ChatRemoved(removed), nameof(ChatRemoved));

        public Task MessageReceived(ChatMessage message) => owner.Safely(() => inner.MessageReceived(message), nameof(MessageReceived));

        public Task Typing(TypingSignal signal) => owner.Safely(() => inner.Typing(signal), nameof(Typing));

        public Task QueueChanged(QueueOverview queue) => owner.Safely(() => inner.QueueChanged(queue), nameof(QueueChanged));

        public Task Resync() => owner.Safely(inner.Resync, nameof(Resync));
    }
}
