using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;

namespace SharedHotline.Server.Chats;

/// <summary>
/// An agent's presence: chosen (available, away, offline once she holds no chats), taken over by the node her console
/// connects to, and left when her last connection to a node closes.
/// </summary>
public sealed class AgentPresences(AgentChats chats, ILiveState live, ChatDispatcher dispatcher, ChatNotifier notify, TimeProvider time, ILogger<AgentPresences> logger)
{
    public async Task<AgentSession> SetPresenceAsync(Guid agentId, Presence presence, CancellationToken ct)
    {
        if (!Enum.IsDefined(presence))
        {
            throw new HotlineException(HotlineErrorCode.InvalidArgument, "Presence must be Available, Away or Offline.");
        }

        var account = await chats.AccountAsync(agentId, ct);
        if (presence == Presence.Offline)
        {
            await RequireNoChatsAsync(agentId, ct);
            await live.SetOfflineAsync(agentId, ct);
        }
        else
        {
            var status = presence == Presence.Available ? PresenceStatus.Available : PresenceStatus.Away;
            await live.SetPresenceAsync(agentId, account.HomeKommune, status, account.Capacity, account.Skills, ct);
        }

        logger.LogInformation("Agent {AgentId} is {Presence}", agentId, presence);
        await dispatcher.DispatchAsync(ct);
        return await chats.SessionAsync(agentId, ct);
    }

    /// <summary>
    /// Offline means nobody answers her chats: she hands them back first (<c>TransferChat</c>, to a colleague or the
    /// queue, or <c>EndChat</c>), offered ones included, rather than have them taken from her without a word.
    /// </summary>
    public async Task RequireNoChatsAsync(Guid agentId, CancellationToken ct)
    {
        var open = (await live.GetChatsOfAgentAsync(agentId, ct)).Count;
        if (open > 0)
        {
            throw new HotlineException(
                HotlineErrorCode.AgentHasChats,
                $"You have {open} open chat{(open == 1 ? "" : "s")}: end them or hand them back (TransferChat, to a colleague or the queue) before going offline.");
        }
    }

    /// <summary>
    /// An agent's first connection to this node takes over the presence another node may hold for them: their
    /// browser came back here after that node stopped or died, and a presence lasts only while the node holding it
    /// heartbeats. Without this an agent shown as available would turn offline, and lose their open chats, when the
    /// old node's heartbeat expires, since a console that finds the presence it wants does not set it again. A console
    /// reconnecting to any node within the grace after her last connection closed (a reload, a network blip) gets back
    /// the presence she had, and her chats stay hers. Returns the presence taken over, or null when the agent chose to
    /// be offline, was gone past the grace, or is unknown.
    /// </summary>
    public async Task<Presence?> ResumePresenceAsync(Guid agentId, CancellationToken ct)
    {
        var account = await chats.AccountAsync(agentId, ct);
        if (await live.TakeOverPresenceAsync(agentId, account.HomeKommune, account.Capacity, account.Skills, ct) is not { } status)
        {
            return null;
        }

        logger.LogInformation("Agent {AgentId} connected here; presence {Presence} held on this node now", agentId, status);
        await TellHerCitizensAsync(agentId, ChatViews.FirstName(account.DisplayName), reason: null, ct);
        return status == PresenceStatus.Available ? Presence.Available : Presence.Away;
    }

    /// <summary>The agent's last connection to this node closed: offline unless another node holds them now.</summary>
    public async Task LeaveAsync(Guid agentId, CancellationToken ct)
    {
        await live.LeaveAsync(agentId, ct);
        logger.LogInformation("Agent {AgentId} left this node", agentId);
        if (await live.GetAgentAsync(agentId, ct) is not { Status: not PresenceStatus.Offline })
        {
            // Her console is gone from every node: her citizens read that she is away for a moment, not that she is typing to them.
            var account = await chats.AccountAsync(agentId, ct);
            await TellHerCitizensAsync(agentId, ChatViews.FirstName(account.DisplayName), ChatStateReasons.AgentAway, ct);
        }

        await dispatcher.DispatchAsync(ct);
    }

    /// <summary>Tells the citizens of the agent's accepted chats that she is away during the grace, or back.</summary>
    private async Task TellHerCitizensAsync(Guid agentId, string firstName, string? reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var chatId in await live.GetChatsOfAgentAsync(agentId, ct))
        {
            if (await chats.IsAcceptedByAsync(chatId, agentId, ct))
            {
                await notify.Citizen(chatId).ChatStateChanged(new ChatStateChanged(chatId, ChatStatus.Active, firstName, now, reason));
            }
        }
    }
}
