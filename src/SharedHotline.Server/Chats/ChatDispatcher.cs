using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Runs the router over the live queue and applies its plan with atomic assignments, then tells every
/// waiting citizen their position and every available agent the queue they could take from.
/// Runs after every event that can free or need an agent, and on a timer for overflow and slot changes.
/// </summary>
public sealed class ChatDispatcher(
    IServiceScopeFactory scopes,
    ILiveState live,
    RotaProvider rota,
    ChatNotifier notify,
    HandleTimes handleTimes,
    Events.DomainEventPublisher events,
    TimeProvider time,
    ILogger<ChatDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task DispatchAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var snapshot = await rota.GetAsync(ct);
            var now = time.GetUtcNow();
            var queue = await live.GetQueueAsync(ct);
            var agents = await live.GetAgentsAsync(ct);
            var plan = Router.Plan(queue, agents, snapshot, now);
            if (plan.Count > 0)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
                foreach (var assignment in plan)
                {
                    if (await live.TryAssignAsync(assignment.ChatId, assignment.AgentId, ct))
                    {
                        await OfferAsync(db, snapshot, assignment, now, ct);
                    }
                }

                queue = await live.GetQueueAsync(ct);
                agents = await live.GetAgentsAsync(ct);
            }

            await BroadcastQueueAsync(queue, agents, snapshot, now);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<QueueStatus?> StatusOfAsync(Guid chatId, CancellationToken ct = default)
    {
        var queue = await live.GetQueueAsync(ct);
        if (queue.All(q => q.ChatId != chatId))
        {
            return null;
        }

        var statuses = QueueSnapshot.Compute(queue, await live.GetAgentsAsync(ct), await rota.GetAsync(ct), time.GetUtcNow(), handleTimes.Average);
        return statuses.GetValueOrDefault(chatId);
    }

    public async Task<QueueOverview> OverviewForAsync(Guid agentId, int homeKommune, CancellationToken ct = default)
    {
        var queue = await live.GetQueueAsync(ct);
        return Overview(queue, agentId, homeKommune, await rota.GetAsync(ct), time.GetUtcNow());
    }

    private static QueueOverview Overview(IReadOnlyList<QueuedChat> queue, Guid agentId, int homeKommune, Domain.Rota.RotaSnapshot snapshot, DateTimeOffset now)
    {
        var instant = Instant.FromDateTimeOffset(now);
        var mine = queue.Where(q => Router.Tier(agentId, homeKommune, q, snapshot.DutyAt(q.KommuneKode, instant), now) is not null).ToList();
        return new QueueOverview(
            mine.Count,
            mine.Count == 0 ? null : (int)(now - mine.Min(q => q.EnqueuedAt)).TotalSeconds,
            mine.Select(q => new QueuedChatSummary(q.ChatId, snapshot.SlugOf(q.KommuneKode), q.Topic, q.EnqueuedAt)).ToList());
    }

    private async Task OfferAsync(HotlineDbContext db, Domain.Rota.RotaSnapshot snapshot, Assignment assignment, DateTimeOffset now, CancellationToken ct)
    {
        var chat = await db.Chats.FirstOrDefaultAsync(c => c.Id == assignment.ChatId, ct);
        if (chat is null || ChatLifecycle.IsOver(chat.State))
        {
            // The live state still held a chat the database has closed: drop it instead of offering it.
            await live.ReleaseAsync(assignment.ChatId, now, ct);
            logger.LogWarning("Chat {ChatId} was in the live queue but is closed in the database; dropped", assignment.ChatId);
            return;
        }

        chat.State = ChatState.Assigned;
        chat.AgentId = assignment.AgentId;
        chat.AssignedAt = now;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Chat {ChatId} assigned to {AgentId}", chat.Id, assignment.AgentId);
        var agentKommune = (await live.GetAgentAsync(assignment.AgentId, ct))?.HomeKommune ?? 0;
        events.Enqueue(new Domain.Events.ChatAssigned(chat.Id, chat.KommuneKode, assignment.AgentId, agentKommune, now));

        var messages = await db.Messages.AsNoTracking().Where(m => m.ChatId == chat.Id).ToListAsync(ct);
        await notify.Agent(assignment.AgentId).ChatOffered(chat.ToAgentChat(snapshot.RequireKommune(chat.KommuneKode), messages));
        await notify.Citizen(chat.Id).ChatStateChanged(new ChatStateChanged(chat.Id, ChatStatus.Assigned, null, now));
    }

    private async Task BroadcastQueueAsync(IReadOnlyList<QueuedChat> queue, IReadOnlyList<AgentPresence> agents, Domain.Rota.RotaSnapshot snapshot, DateTimeOffset now)
    {
        foreach (var status in QueueSnapshot.Compute(queue, agents, snapshot, now, handleTimes.Average).Values)
        {
            await notify.Citizen(status.ChatId).QueueUpdated(status);
        }

        foreach (var agent in agents.Where(a => a.Status == PresenceStatus.Available))
        {
            await notify.Agent(agent.AgentId).QueueChanged(Overview(queue, agent.AgentId, agent.HomeKommune, snapshot, now));
        }
    }

    public void Dispose() => _gate.Dispose();
}
