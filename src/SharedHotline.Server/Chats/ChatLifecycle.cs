using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>Ending and abandoning chats, shared by the citizen and agent sides.</summary>
public sealed class ChatLifecycle(
    HotlineDbContext db,
    ChatMessageLog messages,
    ILiveState live,
    ChatNotifier notify,
    ChatDispatcher dispatcher,
    HandleTimes handleTimes,
    TimeProvider time,
    ILogger<ChatLifecycle> logger)
{
    public static bool IsOver(ChatState state) => !Chat.IsOpenIn(state);

    /// <summary>
    /// Ends a chat; a citizen leaving a chat nobody has taken yet abandons it. <paramref name="notice"/>, when given,
    /// is the system message the citizen reads instead of the plain "ended", and <paramref name="endedBy"/> (a
    /// <see cref="ChatStateReasons"/> code then) goes with the state change as its reason.
    /// </summary>
    public async Task EndAsync(ChatRecord chat, string endedBy, CancellationToken ct, string? notice = null)
    {
        if (IsOver(chat.State))
        {
            // Ended before, yet perhaps still held in the live state (a rebuild that read it as open put it back, and
            // its clean-up failed): ending it again lets go of the place it holds.
            await live.RemoveFromQueueAsync(chat.Id, ct);
            var holder = await live.GetAssignedAgentAsync(chat.Id, ct);
            if (await live.ReleaseAsync(chat.Id, chat.EndedAt ?? time.GetUtcNow(), ct) && holder is { } heldFor)
            {
                await notify.Agent(heldFor).ChatRemoved(new ChatRemoved(chat.Id, ChatRemovedReasons.Ended, chat.EndedBy));
                await dispatcher.DispatchAsync(ct);
            }

            return;
        }

        var now = time.GetUtcNow();
        var agentId = chat.AgentId;
        var ending = chat.Change(c => c.End(endedBy, now));
        if (!await db.SaveEndingWhileOpenAsync(chat, ct, ending))
        {
            logger.LogInformation("Chat {ChatId} was ended a moment ago already; not ended again by {EndedBy}", chat.Id, endedBy);
            return;
        }

        await live.RemoveFromQueueAsync(chat.Id, ct);
        await live.ReleaseAsync(chat.Id, now, ct);
        if (chat.AcceptedAt is { } accepted)
        {
            handleTimes.Record(now - accepted);
        }

        var note = await messages.AppendSystemAsync(chat.Id, notice ?? (endedBy == "citizen" ? "Borgeren har afsluttet chatten." : "Chatten er afsluttet."), ct);
        await notify.MessageAsync(note.ToContract(), agentId);
        await notify.Citizen(chat.Id).ChatStateChanged(new ChatStateChanged(chat.Id, chat.State.ToContract(), null, now, notice is null ? null : endedBy));
        if (agentId is { } agent)
        {
            await notify.Agent(agent).ChatRemoved(new ChatRemoved(chat.Id, ChatRemovedReasons.Ended, endedBy));
        }

        logger.LogInformation("Chat {ChatId} {ChatState} by {EndedBy}", chat.Id, chat.State, endedBy);
        await dispatcher.DispatchAsync(ct);
    }
}
