using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Chats;

namespace SharedHotline.Server.Privacy;

/// <summary>
/// Deletes a chat from every store: an open chat is ended first (the citizen and agent are told, and it leaves the
/// queue or the agent's load in the live state), then its messages and the chat row go, and the live state is cleared
/// of it once more. Each deletion is written to the privacy audit of the kommune that owns the chat.
/// </summary>
public sealed class ChatDeletion(HotlineDbContext db, ChatLifecycle lifecycle, ILiveState live, TimeProvider time, ILogger<ChatDeletion> logger)
{
    public const string OnRequest = "citizen-request";
    public const string Retention = "retention";

    public async Task<PrivacyAuditRecord> DeleteAsync(ChatRecord chat, string reason, Guid? actorId, string? actorName, CancellationToken ct, bool scrub = true)
    {
        if (!ChatLifecycle.IsOver(chat.State))
        {
            await lifecycle.EndAsync(chat, "admin", ct);
        }

        var now = time.GetUtcNow();
        await live.RemoveFromQueueAsync(chat.Id, ct);
        await live.ReleaseAsync(chat.Id, now, ct);

        var audit = new PrivacyAuditRecord
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            KommuneKode = chat.KommuneKode,
            Action = "chat-deleted",
            Reason = reason,
            ChatId = chat.Id,
            ChatReference = chat.Reference,
            ActorId = actorId,
            ActorName = actorName,
        };
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            audit.ItemsDeleted = await db.Messages.Where(m => m.ChatId == chat.Id).ExecuteDeleteAsync(ct);
            await db.Chats.Where(c => c.Id == chat.Id).ExecuteDeleteAsync(ct);
            db.PrivacyAudit.Add(audit);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        logger.LogInformation("Chat {ChatId} of kommune {Kommunekode} deleted ({DeletionReason}), {MessageCount} messages", chat.Id, chat.KommuneKode, reason, audit.ItemsDeleted);
        if (scrub)
        {
            await ScrubAsync(ct);
        }

        return audit;
    }

    /// <summary>
    /// On SQLite, the write-ahead log still holds the pages as they were before the deletion until it is checkpointed
    /// and truncated; this does both, so the deleted text leaves the files (the database pages are overwritten by
    /// <c>secure_delete</c>). PostgreSQL keeps dead rows until VACUUM (docs/security.md).
    /// </summary>
    public async Task ScrubAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        // A checkpoint that meets a reader or writer of another connection (the outbox, the statistics) reports "busy"
        // and leaves the log as it was: it is tried again until it has truncated the log, for a few seconds at most.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct) || reader.GetInt32(0) == 0)
                {
                    return;
                }

                await Task.Delay(100, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
