using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Chats;

/// <summary>
/// What an agent can do. An agent sees a chat only while it is assigned to them, or while it waits in a
/// queue they may answer right now (their own kommune in own hours, a slot they are rostered on, overflow).
/// </summary>
public sealed class AgentChats(
    HotlineDbContext db,
    ChatMessageLog messages,
    ChatLifecycle lifecycle,
    ILiveState live,
    RotaProvider rota,
    ChatDispatcher dispatcher,
    ChatNotifier notify,
    StoredMessages acks,
    AgentNames names,
    TimeProvider time,
    ILogger<AgentChats> logger)
{
    public async Task<AgentSession> SessionAsync(Guid agentId, CancellationToken ct)
    {
        var account = await AccountAsync(agentId, ct);
        var snapshot = await rota.GetAsync(ct);
        var presence = await live.GetAgentAsync(agentId, ct);
        var chatIds = await live.GetChatsOfAgentAsync(agentId, ct);
        var chats = new List<AgentChat>();
        foreach (var chatId in chatIds)
        {
            chats.Add(await ViewAsync(chatId, ct));
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var serving = snapshot.Kommuner
            .Where(k => Router.Tier(agentId, account.HomeKommune, new QueuedChat(Guid.Empty, k.Kode, "", time.GetUtcNow()), snapshot.DutyAt(k.Kode, now), time.GetUtcNow()) is not null)
            .Select(k => k.Slug)
            .ToList();
        return new AgentSession(
            agentId,
            account.DisplayName,
            snapshot.SlugOf(account.HomeKommune),
            presence is null ? Presence.Offline : (Presence)(int)presence.Status,
            account.Capacity,
            serving,
            chats);
    }

    /// <summary>
    /// Accepts a chat offered to the agent, or takes one from a queue she may answer. The row is written only if it
    /// still says what was read (<see cref="OpenChatWrites.SaveHolderWhileOpenAsync"/>): if the chat left her and was
    /// given to a colleague in between (her other window returned it, or a node reclaimed it), the colleague keeps it.
    /// A row that merely caught up with the live state (an offer stored a moment after it was made) is read again.
    /// </summary>
    public async Task<AgentChat> AcceptAsync(Guid agentId, Guid chatId, CancellationToken ct)
    {
        var chat = await ChatAsync(chatId, ct);
        var tookFromQueue = false;
        for (var attempt = 1; ; attempt++)
        {
            var assigned = await live.GetAssignedAgentAsync(chatId, ct);
            if (assigned is null)
            {
                await TakeFromQueueAsync(agentId, chat, ct);
                tookFromQueue = true;
            }
            else if (assigned != agentId)
            {
                throw NotAccessible(chat);
            }

            if (chat.State == ChatState.Active && chat.AgentId == agentId)
            {
                // Accepted already, in another window or by a second click; if this call took it from the queue, the
                // other window did not, and the assignment is this call's to report.
                if (tookFromQueue)
                {
                    var home = (await AccountAsync(agentId, ct)).HomeKommune;
                    await Outbox.InsertAsync(db, new Domain.Events.ChatAssigned(chat.Id, chat.KommuneKode, agentId, home, chat.AssignedAt ?? time.GetUtcNow()), ct);
                    Outbox.Wake();
                }

                break;
            }

            if (attempt > 3)
            {
                throw NotAccessible(chat);
            }

            var now = time.GetUtcNow();
            var readAs = (chat.State, chat.AgentId, chat.AssignedAt);
            var account = await AccountAsync(agentId, ct);
            var snapshot = await rota.GetAsync(ct);
            var taken = chat.Change(c => c.Accept(agentId, account.HomeKommune, () => ServedInRule.Of(snapshot, chat.KommuneKode, account.HomeKommune, chat.CreatedAt), now, tookFromQueue));
            if (!await db.SaveHolderWhileOpenAsync(chat, ct, readAs, taken))
            {
                // The row is read again by the refusal.
                if (ChatLifecycle.IsOver(chat.State))
                {
                    await live.ReleaseAsync(chat.Id, now, ct);
                    throw Ended(chat);
                }

                continue;
            }

            var firstName = ChatViews.FirstName(account.DisplayName);
            var note = await messages.AppendSystemAsync(chat.Id, $"{firstName} fra {snapshot.RequireKommune(account.HomeKommune).OfficialName} er klar til at hjælpe dig.", ct);
            await notify.MessageAsync(note.ToContract(), agentId);
            await notify.Citizen(chat.Id).ChatStateChanged(new ChatStateChanged(chat.Id, ChatStatus.Active, firstName, now));
            logger.LogInformation("Chat {ChatId} accepted by {AgentId}", chat.Id, agentId);
            break;
        }

        return await ViewAsync(chat.Id, ct);
    }

    /// <summary>Whether the chat is one the agent has accepted (not merely been offered).</summary>
    public Task<bool> IsAcceptedByAsync(Guid chatId, Guid agentId, CancellationToken ct) =>
        db.Chats.AsNoTracking().AnyAsync(c => c.Id == chatId && c.AgentId == agentId && c.State == ChatState.Active, ct);

    public async Task<AgentChat> GetAsync(Guid agentId, Guid chatId, CancellationToken ct)
    {
        var chat = await ChatAsync(chatId, ct);
        var assigned = await live.GetAssignedAgentAsync(chatId, ct);
        if (assigned != agentId && !(chat.State == ChatState.Queued && await IsEligibleAsync(agentId, chat, ct)))
        {
            throw NotAccessible(chat);
        }

        return await ViewAsync(chatId, ct);
    }

    /// <summary>
    /// The chat when the agent may work on it: assigned to them, or (unless <paramref name="assignedOnly"/>)
    /// waiting in a queue they may answer now. Otherwise the same refusals as the other calls.
    /// </summary>
    public async Task<ChatRecord> RequireAccessAsync(Guid agentId, Guid chatId, bool assignedOnly, CancellationToken ct)
    {
        if (assignedOnly)
        {
            return await AssignedChatAsync(agentId, chatId, ct);
        }

        var chat = await ChatAsync(chatId, ct);
        var assigned = await live.GetAssignedAgentAsync(chatId, ct);
        return assigned == agentId || (chat.State == ChatState.Queued && await IsEligibleAsync(agentId, chat, ct))
            ? chat
            : throw NotAccessible(chat);
    }

    /// <summary>
    /// Stores an agent's message and sends it to the citizen. The common case (an accepted chat of mine) is one
    /// command that reads the chat and stores the message only while the chat is active and, in the database, this
    /// agent's. Everything else takes the ordinary path, which checks the live assignment and explains a refusal: an
    /// offered chat is accepted first (the citizen is told who answers before the answer), and a resend, a race or a
    /// closed chat are answered.
    /// </summary>
    public async Task<MessageAck> SendAsync(Guid agentId, Guid chatId, string? clientMessageId, string? text, string? connectionId, CancellationToken ct)
    {
        var id = ChatMessageLog.ValidateClientMessageId(clientMessageId);
        var body = MessageText.Validate(text);
        var name = await names.FirstNameAsync(db, agentId, ct);
        var fast = await messages.TryAppendToChatAsync(chatId, MessageSender.Agent, agentId, name, id, body, AgentWritable, ct);
        if (fast is { Chat: { } facts, Stored: { } stored })
        {
            return await acks.AcknowledgeAsync(stored, facts.KommuneKode, agentId, connectionId);
        }

        var chat = await AssignedChatAsync(agentId, chatId, ct, tracked: false);
        if (ChatLifecycle.IsOver(chat.State))
        {
            // Ended in the database a moment before the live state let go of it.
            throw Ended(chat);
        }

        if (chat.State == ChatState.Assigned)
        {
            throw NotAccepted(chat);
        }

        var appended = await messages.AppendAsync(chat.Id, MessageSender.Agent, agentId, name, id, body, ct);
        return await acks.AcknowledgeAsync(appended, chat.KommuneKode, agentId, connectionId);
    }

    private static readonly ChatState[] AgentWritable = [.. Chat.WritableBy(ChatWriter.Agent)];

    public async Task TypingAsync(Guid agentId, Guid chatId, bool isTyping, CancellationToken ct)
    {
        var chat = await AssignedChatAsync(agentId, chatId, ct, tracked: false);
        if (chat.State == ChatState.Assigned)
        {
            throw NotAccepted(chat);
        }

        await notify.Citizen(chat.Id).Typing(new TypingSignal(chat.Id, Sender.Agent, isTyping));
    }

    public async Task EndAsync(Guid agentId, Guid chatId, CancellationToken ct)
    {
        var chat = await AssignedChatAsync(agentId, chatId, ct);
        await lifecycle.EndAsync(chat, "agent", ct);
    }

    public async Task<QueueOverview> QueueAsync(Guid agentId, CancellationToken ct)
    {
        var account = await AccountAsync(agentId, ct);
        return await dispatcher.OverviewForAsync(agentId, account.HomeKommune, ct);
    }

    private async Task TakeFromQueueAsync(Guid agentId, ChatRecord chat, CancellationToken ct)
    {
        if (chat.State != ChatState.Queued || !await IsEligibleAsync(agentId, chat, ct))
        {
            throw NotAccessible(chat);
        }

        var presence = await live.GetAgentAsync(agentId, ct);
        if (presence is not { Status: PresenceStatus.Available })
        {
            throw new HotlineException(HotlineErrorCode.AgentUnavailable, "Set your presence to available before taking chats.");
        }

        if (!presence.CanTakeChat)
        {
            throw new HotlineException(HotlineErrorCode.AgentAtCapacity, $"You already have {presence.ActiveChats} of {presence.Capacity} chats.");
        }

        if (!await live.TryAssignAsync(chat.Id, agentId, ct))
        {
            throw new HotlineException(HotlineErrorCode.ChatNotAccessible, "Another agent took this chat first.");
        }
    }

    /// <summary>May the agent answer this chat's citizen right now (own hours, rostered, overflow)? Presence and load aside.</summary>
    public async Task<bool> IsEligibleAsync(Guid agentId, ChatRecord chat, CancellationToken ct)
    {
        var account = await AccountAsync(agentId, ct);
        var snapshot = await rota.GetAsync(ct);
        var now = time.GetUtcNow();
        var duty = snapshot.DutyAt(chat.KommuneKode, Instant.FromDateTimeOffset(now));
        return Router.Tier(agentId, account.HomeKommune, new QueuedChat(chat.Id, chat.KommuneKode, chat.Topic, chat.CreatedAt), duty, now) is not null;
    }

    private async Task<ChatRecord> AssignedChatAsync(Guid agentId, Guid chatId, CancellationToken ct, bool tracked = true)
    {
        var chat = tracked
            ? await ChatAsync(chatId, ct)
            : await ChatQueries.FindAsync(db, chatId, ct) ?? throw new HotlineException(HotlineErrorCode.ChatNotFound, $"No chat has the id {chatId}.");
        if (await live.GetAssignedAgentAsync(chatId, ct) != agentId)
        {
            throw ChatLifecycle.IsOver(chat.State) && chat.AgentId == agentId
                ? Ended(chat)
                : NotAccessible(chat);
        }

        return chat;
    }

    private async Task<ChatRecord> ChatAsync(Guid chatId, CancellationToken ct) =>
        await db.Chats.FirstOrDefaultAsync(c => c.Id == chatId, ct)
        ?? throw new HotlineException(HotlineErrorCode.ChatNotFound, $"No chat has the id {chatId}.");

    public async Task<StaffAccount> AccountAsync(Guid agentId, CancellationToken ct) =>
        await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == agentId, ct)
        ?? throw new HotlineException(HotlineErrorCode.NotAuthorized, "Your staff account no longer exists.");

    public async Task<AgentChat> ViewAsync(Guid chatId, CancellationToken ct)
    {
        var chat = await db.Chats.AsNoTracking().FirstAsync(c => c.Id == chatId, ct);
        var snapshot = await rota.GetAsync(ct);
        return chat.ToAgentChat(snapshot.RequireKommune(chat.KommuneKode), await messages.AfterAsync(chatId, 0, ct));
    }

    public static HotlineException Ended(ChatRecord chat) => new(HotlineErrorCode.ChatEnded, $"Chat {chat.Reference} has ended.");

    private static HotlineException NotAccepted(ChatRecord chat) =>
        new(HotlineErrorCode.ChatNotAccepted, $"Chat {chat.Reference} is offered to you: accept it (AcceptChat) before writing to the citizen.");

    private static HotlineException NotAccessible(ChatRecord chat) =>
        new(HotlineErrorCode.ChatNotAccessible, "This chat is not assigned to you and you are not on duty for its kommune.");
}
