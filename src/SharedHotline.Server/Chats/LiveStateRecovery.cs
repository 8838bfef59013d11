using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// At start-up, and whenever the live state was lost, rebuilds it from the database: waiting chats go back
/// in the queue in their place, assigned chats back to their agent (who has a grace period to reconnect
/// before the chat returns to the front of the queue). Nothing stored is forgotten across a restart.
/// </summary>
public sealed class LiveStateRecovery(HotlineDbContext db, ILiveState live, TimeProvider time, ILogger<LiveStateRecovery> logger)
{
    public async Task RecoverAsync(CancellationToken ct)
    {
        var open = await db.Chats.Where(c => c.State == ChatState.Queued || c.State == ChatState.Assigned || c.State == ChatState.Active).ToListAsync(ct);
        var queued = (await live.GetQueueAsync(ct)).Select(q => q.ChatId).ToHashSet();
        var recovered = new List<Guid>();
        try
        {
            foreach (var chat in open)
            {
                if (queued.Contains(chat.Id) || await live.GetAssignedAgentAsync(chat.Id, ct) is not null)
                {
                    continue;
                }

                // Counted before the live state is written: a restore that was carried out but whose answer was lost
                // is checked for an ending too.
                recovered.Add(chat.Id);
                var queuedChat = new QueuedChat(chat.Id, chat.KommuneKode, chat.Topic, chat.CreatedAt);
                if (chat.AgentId is { } agentId && chat.State != ChatState.Queued)
                {
                    await live.RestoreAssignmentAsync(queuedChat, agentId, ct);
                    logger.LogInformation("Chat {ChatId} restored to agent {AgentId}", chat.Id, agentId);
                }
                else if (chat.State == ChatState.Queued || await db.SaveWaitingAgainAsync(chat, ct))
                {
                    await live.EnqueueAsync(queuedChat, ct);
                    logger.LogInformation("Chat {ChatId} put back in the queue", chat.Id);
                }
            }
        }
        finally
        {
            // Also when a restore failed halfway: the retry no longer sees a chat that has ended since.
            await ForgetChatsEndedMeanwhileAsync(recovered, ct);
        }

        if (recovered.Count > 0)
        {
            logger.LogInformation("{ChatCount} open chats recovered into the live state", recovered.Count);
        }
    }

    /// <summary>
    /// A chat read as open above may have ended since (on any node); the release that followed its ending then found
    /// nothing to release, and the chat would hold a place of its agent's, or a place in the queue, for good. An
    /// ending is stored before its release, so a second look at the database, after the restore, finds it.
    /// </summary>
    private async Task ForgetChatsEndedMeanwhileAsync(List<Guid> recovered, CancellationToken ct)
    {
        if (recovered.Count == 0)
        {
            return;
        }

        var ended = await db.Chats.AsNoTracking()
            .Where(c => recovered.Contains(c.Id) && (c.State == ChatState.Ended || c.State == ChatState.Abandoned))
            .Select(c => new { c.Id, c.EndedAt })
            .ToListAsync(ct);
        foreach (var chat in ended)
        {
            await live.RemoveFromQueueAsync(chat.Id, ct);
            await live.ReleaseAsync(chat.Id, chat.EndedAt ?? time.GetUtcNow(), ct);
            logger.LogInformation("Chat {ChatId} ended while the live state was rebuilt; taken out again", chat.Id);
        }
    }
}
