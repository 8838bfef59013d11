using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Privacy;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Stores chat messages before anything is acknowledged. The per-chat sequence number and the sender's
/// client message id are both unique, so a resend is stored once and concurrent writers retry.
/// </summary>
public sealed class ChatMessageLog(HotlineDbContext db, TimeProvider time)
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
            var message = new ChatMessageRecord
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                ChatId = chatId,
                ClientMessageId = clientMessageId,
                Sender = sender,
                AgentId = agentId,
                SenderName = senderName,
                Text = text,
                ContainsCpr = sender != MessageSender.System && CprNumbers.Contains(text),
                SentAt = time.GetUtcNow(),
            };
            try
            {
                await ChatMessageInsert.ExecuteAsync(db, message, ct);
                return new Appended(message, false);
            }
            catch (DbException) when (attempt < 8 && !ct.IsCancellationRequested)
            {
                var existing = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ChatId == chatId && m.ClientMessageId == clientMessageId, ct);
                if (existing is not null)
                {
                    return new Appended(existing, true);
                }
            }
        }
    }

    public async Task<ChatMessageRecord> AppendSystemAsync(Guid chatId, string text, CancellationToken ct) =>
        (await AppendAsync(chatId, MessageSender.System, null, null, "system-" + Guid.NewGuid().ToString("N"), text, ct)).Message;

    public Task<List<ChatMessageRecord>> AfterAsync(Guid chatId, long afterSeq, CancellationToken ct) =>
        db.Messages.AsNoTracking().Where(m => m.ChatId == chatId && m.Seq > afterSeq).OrderBy(m => m.Seq).ToListAsync(ct);

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
