using Microsoft.EntityFrameworkCore;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// An agent hands a chat on: to a colleague who may answer it and has a free place, or back to the front of the
/// queue. A transfer that cannot happen says why (<c>transfer_to_self</c>, <c>agent_unknown</c>,
/// <c>agent_unavailable</c>, <c>agent_at_capacity</c>) and leaves the chat where it was.
/// </summary>
public sealed class ChatTransfers(
    HotlineDbContext db,
    AgentChats chats,
    ILiveState live,
    ChatDispatcher dispatcher,
    ChatNotifier notify,
    TimeProvider time,
    ILogger<ChatTransfers> logger)
{
    /// <summary>To another available agent who may answer the chat, or back to the front of the queue.</summary>
    public async Task TransferAsync(Guid agentId, Guid chatId, Guid? toAgentId, CancellationToken ct)
    {
        var chat = await chats.RequireAccessAsync(agentId, chatId, assignedOnly: true, ct);
        var now = time.GetUtcNow();
        if (toAgentId is null)
        {
            await ReturnToQueueAsync(agentId, chat, now, ct);
            logger.LogInformation("Chat {ChatId} returned to the queue by {AgentId}", chat.Id, agentId);
            await dispatcher.DispatchAsync(ct);
            return;
        }

        var target = toAgentId.Value;
        await RequireTransferTargetAsync(agentId, target, chat, ct);
        if (!await live.TryTransferAsync(chat.Id, agentId, target, ct))
        {
            // Checked a moment ago: she changed her presence or took another chat in between.
            throw await live.GetAgentAsync(target, ct) is { Status: PresenceStatus.Available, CanTakeChat: false } busy
                ? AtCapacity(busy)
                : new HotlineException(HotlineErrorCode.AgentUnavailable, "That agent is not available right now.");
        }

        var transferred = chat.Change(c => c.Transfer(agentId, target, now));
        if (!await db.SaveHolderWhileOpenAsync(chat, ct, raise: transferred))
        {
            await live.ReleaseAsync(chat.Id, now, ct);
            throw AgentChats.Ended(chat);
        }

        await notify.Agent(agentId).ChatRemoved(new ChatRemoved(chat.Id, ChatRemovedReasons.Transferred));
        await notify.Agent(target).ChatOffered(await chats.ViewAsync(chat.Id, ct));
        await notify.Citizen(chat.Id).ChatStateChanged(new ChatStateChanged(chat.Id, ChatStatus.Assigned, null, now));
        logger.LogInformation("Chat {ChatId} transferred from {AgentId} to {TargetAgentId}", chat.Id, agentId, target);
        await dispatcher.DispatchAsync(ct);
    }

    /// <summary>Why a colleague cannot take the chat, if she cannot: the same order a console would explain it in.</summary>
    private async Task RequireTransferTargetAsync(Guid agentId, Guid target, ChatRecord chat, CancellationToken ct)
    {
        if (target == agentId)
        {
            throw new HotlineException(HotlineErrorCode.TransferToSelf, "The chat is yours already; choose a colleague, or none to return it to the queue.");
        }

        if (await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == target, ct) is not { } account || !account.Roles.Contains(StaffRoles.Agent))
        {
            throw new HotlineException(HotlineErrorCode.AgentUnknown, $"No agent has the id {target}.");
        }

        if (!await chats.IsEligibleAsync(target, chat, ct))
        {
            throw new HotlineException(HotlineErrorCode.AgentUnavailable, "That agent cannot answer this kommune's citizens right now.");
        }

        var presence = await live.GetAgentAsync(target, ct);
        if (presence is not { Status: PresenceStatus.Available })
        {
            throw new HotlineException(HotlineErrorCode.AgentUnavailable, "That agent is not available right now.");
        }

        if (!presence.CanTakeChat)
        {
            throw AtCapacity(presence);
        }
    }

    private static HotlineException AtCapacity(AgentPresence presence) =>
        new(HotlineErrorCode.AgentAtCapacity, $"That agent already has {presence.ActiveChats} of {presence.Capacity} chats.");

    /// <summary>
    /// The live state moves the chat from the agent to the front of the queue in one step, then the row follows,
    /// unless a routing pass (on any node) has given the chat out again and stored that first.
    /// </summary>
    private async Task ReturnToQueueAsync(Guid agentId, ChatRecord chat, DateTimeOffset now, CancellationToken ct)
    {
        // Told first: once the chat is back in the queue her other window may take it again at once (routing does not
        // offer it back to her), and that must not be hidden by this removal arriving after it.
        await notify.Agent(agentId).ChatRemoved(new ChatRemoved(chat.Id, ChatRemovedReasons.ReturnedToQueue));
        if (!await live.RequeueAsync(new QueuedChat(chat.Id, chat.KommuneKode, chat.Topic, chat.CreatedAt, Priority: true) { ReturnedBy = agentId }, agentId, now, ct))
        {
            await db.Entry(chat).ReloadAsync(ct);
            throw ChatLifecycle.IsOver(chat.State)
                ? AgentChats.Ended(chat)
                : new HotlineException(HotlineErrorCode.ChatNotAccessible, "This chat is no longer assigned to you.");
        }

        var returned = new Domain.Events.ChatTransferred(chat.Id, chat.KommuneKode, agentId, null, now);
        var recorded = await db.SaveWaitingAgainAsync(chat, ct, returned);
        if (!recorded && ChatLifecycle.IsOver(chat.State))
        {
            await live.RemoveFromQueueAsync(chat.Id, ct);
            throw AgentChats.Ended(chat);
        }

        if (!recorded)
        {
            // Given out again before the row followed: she still handed it back.
            await Outbox.InsertAsync(db, returned, ct);
            Outbox.Wake();
        }

        if (recorded)
        {
            await notify.Citizen(chat.Id).ChatStateChanged(new ChatStateChanged(chat.Id, ChatStatus.Queued, null, now));
        }
    }
}
