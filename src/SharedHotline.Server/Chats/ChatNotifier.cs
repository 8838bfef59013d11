using Microsoft.AspNetCore.SignalR;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Sends hub events from outside the hubs. Citizens listen on their chat's group, agents on their own group.
/// Events are best effort: a failed send (e.g. the Redis backplane is away) is logged and never undoes what
/// was stored; it asks connected clients to fetch what they missed on the next maintenance ticks
/// (<see cref="ClientResync"/>), and clients replay from their last sequence number when they reconnect.
/// </summary>
public sealed class ChatNotifier(
    IHubContext<CitizenHub, ICitizenHubClient> citizens,
    IHubContext<AgentHub, IAgentHubClient> agents,
    LocalGroupMembers local,
    ClientResync resync,
    ILogger<ChatNotifier> logger)
{
    public static string ChatGroup(Guid chatId) => $"chat:{chatId:N}";

    public static string AgentGroup(Guid agentId) => $"agent:{agentId:N}";

    public ICitizenHubClient Citizen(Guid chatId) => CitizenExcept(chatId, null);

    public IAgentHubClient Agent(Guid agentId) => AgentExcept(agentId, null);

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

    private SafeCitizenClient CitizenExcept(Guid chatId, string? connectionId) => new(Targets(citizens.Clients, ChatGroup(chatId), connectionId), this);

    private SafeAgentClient AgentExcept(Guid agentId, string? connectionId) => new(Targets(agents.Clients, AgentGroup(agentId), connectionId), this);

    /// <summary>
    /// Where a group event goes. In-process, or when no member of the group is on this node, that is the group
    /// (less <paramref name="except"/>). Over the backplane with members here, it is each local member directly
    /// (no Redis round trip before they have it; SignalR writes to a local connection without publishing) and then
    /// the group less those members for the other nodes, so nobody gets it twice. Every event to a group takes
    /// this same way and members are recorded before they join, so a connection receives this node's events to
    /// its group in the order they were sent.
    /// </summary>
    private T[] Targets<T>(IHubClients<T> clients, string group, string? except)
    {
        var here = local.OverBackplane ? local.Of(group) : [];
        if (here.Length == 0)
        {
            return [except is null ? clients.Group(group) : clients.GroupExcept(group, [except])];
        }

        var targets = new List<T>(here.Length + 1);
        foreach (var connectionId in here)
        {
            if (connectionId != except)
            {
                targets.Add(clients.Client(connectionId));
            }
        }

        targets.Add(clients.GroupExcept(group, except is null || here.Contains(except) ? here : [.. here, except]));
        return [.. targets];
    }

    private Task Safely<T>(T[] targets, Func<T, Task> send, string evt)
    {
        if (targets.Length == 1)
        {
            return Safely(() => send(targets[0]), evt);
        }

        var sends = new Task[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            var target = targets[i];
            sends[i] = Safely(() => send(target), evt);
        }

        return Task.WhenAll(sends);
    }

    private async Task Safely(Func<Task> send, string evt)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Hub event {HubEvent} could not be sent; clients will be asked to resync", evt);
            resync.Request();
        }
    }

    private sealed class SafeCitizenClient(ICitizenHubClient[] targets, ChatNotifier owner) : ICitizenHubClient
    {
        public Task MessageReceived(ChatMessage message) => owner.Safely(targets, t => t.MessageReceived(message), nameof(MessageReceived));

        public Task QueueUpdated(QueueStatus status) => owner.Safely(targets, t => t.QueueUpdated(status), nameof(QueueUpdated));

        public Task ChatStateChanged(ChatStateChanged change) => owner.Safely(targets, t => t.ChatStateChanged(change), nameof(ChatStateChanged));

        public Task Typing(TypingSignal signal) => owner.Safely(targets, t => t.Typing(signal), nameof(Typing));

        public Task CaseChanged(CaseChanged change) => owner.Safely(targets, t => t.CaseChanged(change), nameof(CaseChanged));

        public Task Resync() => owner.Safely(targets, t => t.Resync(), nameof(Resync));

        public Task Reconnect(ReconnectAdvice advice) => owner.Safely(targets, t => t.Reconnect(advice), nameof(Reconnect));
    }

    private sealed class SafeAgentClient(IAgentHubClient[] targets, ChatNotifier owner) : IAgentHubClient
    {
        public Task ChatOffered(AgentChat chat) => owner.Safely(targets, t => t.ChatOffered(chat), nameof(ChatOffered));

        public Task ChatRemoved(ChatRemoved removed) => owner.Safely(targets, t => t.ChatRemoved(removed), nameof(ChatRemoved));

        public Task MessageReceived(ChatMessage message) => owner.Safely(targets, t => t.MessageReceived(message), nameof(MessageReceived));

        public Task Typing(TypingSignal signal) => owner.Safely(targets, t => t.Typing(signal), nameof(Typing));

        public Task QueueChanged(QueueOverview queue) => owner.Safely(targets, t => t.QueueChanged(queue), nameof(QueueChanged));

        public Task TasksChanged(TasksChanged change) => owner.Safely(targets, t => t.TasksChanged(change), nameof(TasksChanged));

        public Task Resync() => owner.Safely(targets, t => t.Resync(), nameof(Resync));

        public Task Reconnect(ReconnectAdvice advice) => owner.Safely(targets, t => t.Reconnect(advice), nameof(Reconnect));
    }
}
