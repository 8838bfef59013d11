using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Privacy;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Stores chat messages before anything is acknowledged. The per-chat sequence number and the writer's
/// client message id (per chat and writer) are both unique, so a resend is stored once and concurrent writers retry.
/// </summary>
public sealed class ChatMessageLog(HotlineDbContext db, TimeProvider time, SqliteMessageWriter? sqliteWriter = null)
{
    public const int MaxClientMessageIdLength = 64;

    public sealed record Appended(ChatMessageRecord Message, bool Duplicate);

    /// <summary>
    /// Stores the message with the next sequence number in one statement (<see cref="ChatMessageInsert"/>, which
    /// numbers it in the database, so writers on any node agree). A unique-index violation is a resend, answered
    /// with the stored message, or on PostgreSQL another writer numbering at the same instant, which is retried.
    /// </summary>
    public async Task<Appended> AppendAsync(Guid chatId, MessageSender sender, Guid? agentId, string? senderName, string clientMessageId, string text, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var message = NewMessage(chatId, sender, agentId, senderName, clientMessageId, text);
            try
            {
                await ChatMessageInsert.ExecuteAsync(db, message, ct, sqliteWriter);
                return new Appended(message, false);
            }
            catch (DbException) when (attempt < 8 && !ct.IsCancellationRequested)
            {
                var writer = message.Writer;
                var existing = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ChatId == chatId && m.Writer == writer && m.ClientMessageId == clientMessageId, ct);
                if (existing is not null)
                {
                    return new Appended(existing, true);
                }
            }
        }
    }

    /// <summary>The result of <see cref="TryAppendToChatAsync"/>: when the message was stored, the chat as read by the same statement and the message; otherwise both null.</summary>
    public sealed record ChatAppend(ChatFacts? Chat, Appended? Stored);

    /// <summary>
    /// The message path's one statement: stores the message and reads the chat, only while the chat is in one of
    /// <paramref name="writable"/> (<see cref="ChatMessageInsert.ExecuteForChatAsync"/>). A resend is answered with
    /// the stored message. <see cref="ChatAppend.Stored"/> is null when the chat is missing or not writable: the
    /// caller then takes its slower path, which explains why.
    /// </summary>
    public async Task<ChatAppend> TryAppendToChatAsync(Guid chatId, MessageSender sender, Guid? agentId, string? senderName, string clientMessageId, string text, ChatState[] writable, CancellationToken ct)
    {
        var message = NewMessage(chatId, sender, agentId, senderName, clientMessageId, text);
        try
        {
            var chat = await ChatMessageInsert.ExecuteForChatAsync(db, message, writable, ct, sqliteWriter);
            return new ChatAppend(chat, chat is null ? null : new Appended(message, false));
        }
        catch (DbException) when (!ct.IsCancellationRequested)
        {
            // A resend (its client message id is stored) or, on PostgreSQL, a writer numbering at the same instant:
            // the ordinary path answers both.
            return new ChatAppend(null, null);
        }
    }

    public async Task<ChatMessageRecord> AppendSystemAsync(Guid chatId, string text, CancellationToken ct) =>
        (await AppendAsync(chatId, MessageSender.System, null, null, "system-" + Guid.NewGuid().ToString("N"), text, ct)).Message;

    public Task<List<ChatMessageRecord>> AfterAsync(Guid chatId, long afterSeq, CancellationToken ct) =>
        db.Messages.AsNoTracking().Where(m => m.ChatId == chatId && m.Seq > afterSeq).OrderBy(m => m.Seq).ToListAsync(ct);

    private ChatMessageRecord NewMessage(Guid chatId, MessageSender sender, Guid? agentId, string? senderName, string clientMessageId, string text)
    {
        // Whole milliseconds: what the store keeps and every client is shown, so an acknowledgement, the live copy and
        // the history agree. The store may move it later, never earlier (ChatMessageInsert).
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        return new ChatMessageRecord
        {
            Id = Guid.CreateVersion7(now),
            ChatId = chatId,
            ClientMessageId = clientMessageId,
            Sender = sender,
            AgentId = agentId,
            SenderName = senderName,
            Text = text,
            ContainsCpr = sender != MessageSender.System && CprNumbers.Contains(text),
            SentAt = now,
        };
    }

    public static string ValidateClientMessageId(string? clientMessageId)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId) || clientMessageId.Length > MaxClientMessageIdLength
            || clientMessageId.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            throw new HotlineException(HotlineErrorCode.InvalidArgument, $"A client message id of 1 to {MaxClientMessageIdLength} printable characters is required.");
        }

        return clientMessageId;
    }
}
