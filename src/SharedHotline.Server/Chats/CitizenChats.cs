using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Security;

namespace SharedHotline.Server.Chats;

/// <summary>What a citizen can do: open a chat, write, signal typing, leave, and come back after a reconnect.</summary>
public sealed class CitizenChats(
    HotlineDbContext db,
    ChatMessageLog messages,
    ChatLifecycle lifecycle,
    ILiveState live,
    RotaProvider rota,
    ChatDispatcher dispatcher,
    ChatNotifier notify,
    StoredMessages acks,
    CitizenSessionTokens tokens,
    QueuedChatCap queueCap,
    Invitations.InvitationService invitations,
    TimeProvider time,
    ILogger<CitizenChats> logger)
{
    public const int MaxFirstNameLength = 50;

    public async Task<StartChatResult> StartAsync(StartChatRequest? request, Func<Guid, Task> joinChat, System.Net.IPAddress? citizenAddress, CancellationToken ct)
    {
        if (request is null)
        {
            throw new HotlineException(HotlineErrorCode.InvalidArgument, "A start request with kommune and topic is required.");
        }

        var snapshot = await rota.GetAsync(ct);
        var kommune = snapshot.Kommuner.FirstOrDefault(k => string.Equals(k.Slug, request.Kommune, StringComparison.OrdinalIgnoreCase))
            ?? throw new HotlineException(HotlineErrorCode.KommuneNotFound, $"No kommune has the slug '{Shorten(request.Kommune)}'.");
        var topic = kommune.Settings.FindTopic(request.Topic ?? "")
            ?? throw new HotlineException(HotlineErrorCode.TopicNotFound, $"'{Shorten(request.Topic)}' is not a topic of {kommune.Name} Kommune. Choose one of: {string.Join(", ", kommune.Settings.Topics.Select(t => t.Code))}.");
        var firstName = ValidateFirstName(request.FirstName);

        var now = time.GetUtcNow();
        var instant = Instant.FromDateTimeOffset(now);
        var duty = snapshot.DutyAt(kommune.Kode, instant);
        if (!duty.IsOpen)
        {
            var next = snapshot.NextOpening(kommune.Kode, instant);
            logger.LogInformation("Chat refused for {Kommune}: the hotline is closed", kommune.Slug);
            return new StartChatResult(null, next is null ? null : OpeningText.ToInfo(next, snapshot, instant));
        }

        var origin = await queueCap.CheckAsync(citizenAddress, ct);
        var (invitedUrl, invitedTitle) = request.Invitation is { } invited
            ? Invitations.InvitationService.ContextOf(invited.PageUrl, invited.PageTitle, kommune.Settings.WebsiteOrigins)
            : (null, null);
        var chat = new ChatRecord
        {
            Id = Guid.CreateVersion7(now),
            Reference = ChatReferences.New(kommune),
            KommuneKode = kommune.Kode,
            Topic = topic.Code,
            CitizenName = firstName,
            State = ChatState.Queued,
            CreatedAt = now,
            CitizenSeenAt = now,
            OriginHash = origin,
            InvitedFromUrl = invitedUrl,
            InvitedFromTitle = invitedTitle,
        };
        db.Chats.Add(chat);
        Outbox.Add(db, new Domain.Events.ChatStarted(chat.Id, kommune.Kode, topic.Code, duty.Mode.ToString(), now));
        await db.SaveChangesAsync(ct);
        await messages.AppendSystemAsync(chat.Id, $"Vi har modtaget dit spørgsmål om {topic.Name}. Din reference er {chat.Reference}.", ct);
        logger.LogInformation("Chat {ChatId} started for {Kommune} on {Topic} ({OpeningMode})", chat.Id, kommune.Slug, topic.Code, duty.Mode);

        try
        {
            await joinChat(chat.Id);
            await live.EnqueueAsync(new QueuedChat(chat.Id, kommune.Kode, topic.Code, now), ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The citizen gets an error and no token: leave no chat behind that an agent would later receive.
            Outbox.Add(db, chat.Change(c => c.End("system", now)));
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        await dispatcher.DispatchAsync(ct);
        if (request.Invitation is { } accepted)
        {
            // Only now that the chat holds its place is the invitation's let go, so nobody else is invited into it meanwhile.
            try
            {
                await invitations.AcceptAsync(kommune, accepted.InvitationId, ct);
            }
            catch (LiveStateUnavailableException)
            {
                logger.LogWarning("Invitation {InvitationId} of chat {ChatId} could not be let go now; it expires by itself", accepted.InvitationId, chat.Id);
            }
        }

        return new StartChatResult(await ViewAsync(chat.Id, tokens.Issue(chat.Id), 0, ct), null);
    }

    public async Task<CitizenChat> ResumeAsync(string? token, long afterSeq, Func<Guid, Task> joinChat, CancellationToken ct)
    {
        var chatId = tokens.Validate(token);
        await joinChat(chatId);
        return await ViewAsync(chatId, token!, Math.Max(0, afterSeq), ct);
    }

    /// <summary>
    /// Stores a citizen's message and sends it to the chat's agent. The common case is one command that reads the
    /// chat and stores the message while the chat is open; a resend, a race or a closed chat take the ordinary path,
    /// which answers each of them.
    /// </summary>
    public async Task<MessageAck> SendAsync(string? token, string? clientMessageId, string? text, string? connectionId, CancellationToken ct)
    {
        var chatId = tokens.Validate(token);
        var id = ChatMessageLog.ValidateClientMessageId(clientMessageId);
        var body = MessageText.Validate(text);
        var fast = await messages.TryAppendToChatAsync(chatId, MessageSender.Citizen, null, null, id, body, CitizenWritable, ct);
        if (fast is { Chat: { } facts, Stored: { } stored })
        {
            return await acks.AcknowledgeAsync(stored, facts.KommuneKode, facts.AgentId, connectionId);
        }

        var chat = await OpenChatAsync(token, ct);
        var appended = await messages.AppendAsync(chat.Id, MessageSender.Citizen, null, chat.CitizenName, id, body, ct);
        return await acks.AcknowledgeAsync(appended, chat.KommuneKode, chat.AgentId, connectionId);
    }

    private static readonly ChatState[] CitizenWritable = [.. Chat.WritableBy(ChatWriter.Citizen)];

    public async Task TypingAsync(string? token, bool isTyping, CancellationToken ct)
    {
        var chat = await OpenChatAsync(token, ct);
        if (chat.AgentId is { } agent)
        {
            await notify.Agent(agent).Typing(new TypingSignal(chat.Id, Sender.Citizen, isTyping));
        }
    }

    public async Task EndAsync(string? token, CancellationToken ct)
    {
        var chatId = tokens.Validate(token);
        var chat = await db.Chats.FirstOrDefaultAsync(c => c.Id == chatId, ct)
            ?? throw new HotlineException(HotlineErrorCode.ChatNotFound, "The chat no longer exists.");
        await lifecycle.EndAsync(chat, "citizen", ct);
    }

    public async Task<IReadOnlyList<ChatMessage>> HistoryAsync(string? token, CancellationToken ct)
    {
        var chatId = tokens.Validate(token);
        if (!await db.Chats.AnyAsync(c => c.Id == chatId, ct))
        {
            throw new HotlineException(HotlineErrorCode.ChatNotFound, "The chat no longer exists.");
        }

        return (await messages.AfterAsync(chatId, 0, ct)).Select(m => m.ToContract()).ToList();
    }

    private async Task<ChatRecord> OpenChatAsync(string? token, CancellationToken ct)
    {
        var chatId = tokens.Validate(token);
        var chat = await ChatQueries.FindAsync(db, chatId, ct)
            ?? throw new HotlineException(HotlineErrorCode.ChatNotFound, "The chat no longer exists.");
        return ChatLifecycle.IsOver(chat.State)
            ? throw new HotlineException(HotlineErrorCode.ChatEnded, $"Chat {chat.Reference} has ended. Start a new chat to write again.")
            : chat;
    }

    private async Task<CitizenChat> ViewAsync(Guid chatId, string token, long afterSeq, CancellationToken ct)
    {
        var chat = await db.Chats.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chatId, ct)
            ?? throw new HotlineException(HotlineErrorCode.ChatNotFound, "The chat no longer exists.");
        var snapshot = await rota.GetAsync(ct);
        var agentName = chat.AgentId is { } agentId && chat.State == ChatState.Active
            ? await db.Staff.Where(s => s.Id == agentId).Select(s => s.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        var history = await messages.AfterAsync(chat.Id, afterSeq, ct);
        return new CitizenChat(
            chat.Id,
            chat.Reference,
            token,
            snapshot.SlugOf(chat.KommuneKode),
            chat.Topic,
            chat.State.ToContract(),
            agentName is null ? null : ChatViews.FirstName(agentName),
            chat.State == ChatState.Queued ? await dispatcher.StatusOfAsync(chat.Id, ct) : null,
            history.Select(m => m.ToContract()).ToList());
    }

    private static string? ValidateFirstName(string? firstName)
    {
        if (string.IsNullOrWhiteSpace(firstName))
        {
            return null;
        }

        var trimmed = TypedText.Neutralise(firstName).Trim();
        if (trimmed.Length > MaxFirstNameLength)
        {
            throw new HotlineException(HotlineErrorCode.InvalidArgument, $"The first name is {trimmed.Length} characters; at most {MaxFirstNameLength} are allowed.");
        }

        if (TypedText.Problem(trimmed, multiline: false) is { } problem)
        {
            throw new HotlineException(HotlineErrorCode.InvalidArgument, $"The first name contains {problem}.");
        }

        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed;
    }

    private static string Shorten(string? value) =>
        value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
