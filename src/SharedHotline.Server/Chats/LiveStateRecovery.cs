using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// At start-up, puts every open chat the live state does not know back in the queue: waiting chats in
/// their place, chats whose agent was lost at the front. Nothing stored is forgotten across a restart.
/// </summary>
public sealed class LiveStateRecovery(HotlineDbContext db, ILiveState live, ILogger<LiveStateRecovery> logger)
{
    public async Task RecoverAsync(CancellationToken ct)
    {
        var open = await db.Chats.Where(c => c.State == ChatState.Queued || c.State == ChatState.Assigned || c.State == ChatState.Active).ToListAsync(ct);
        var queued = (await live.GetQueueAsync(ct)).Select(q => q.ChatId).ToHashSet();
        var recovered = 0;
        foreach (var chat in open)
        {
            if (queued.Contains(chat.Id) || await live.GetAssignedAgentAsync(chat.Id, ct) is not null)
            {
                continue;
            }

            var lostAgent = chat.State != ChatState.Queued;
            chat.State = ChatState.Queued;
            chat.AgentId = null;
            await live.EnqueueAsync(new QueuedChat(chat.Id, chat.KommuneKode, chat.Topic, chat.CreatedAt, Priority: lostAgent), ct);
            logger.LogInformation("Chat {ChatId} put back in the queue after a restart", chat.Id);
            recovered++;
        }

        await db.SaveChangesAsync(ct);
        if (recovered > 0)
        {
            logger.LogInformation("{ChatCount} open chats recovered into the queue", recovered);
        }
    }
}
