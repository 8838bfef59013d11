using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Runs the router over the live queue and applies its plan with atomic assignments, then has
/// <see cref="QueueBroadcast"/> tell every waiting citizen their position and every available agent the queue they could take from.
/// Runs after every event that can free or need an agent, and on a timer for overflow and slot changes.
/// </summary>
public sealed class ChatDispatcher(
    IServiceScopeFactory scopes,
    ILiveState live,
    RotaProvider rota,
    ChatNotifier notify,
    HandleTimes handleTimes,
    QueueBroadcast broadcast,
    TimeProvider time,
    ILogger<ChatDispatcher> logger)
{
    private readonly Lock _sync = new();
    private TaskCompletionSource? _requested;
    private bool _running;

    /// <summary>
    /// Runs a routing pass that sees every change made before the call. Calls that arrive while a pass is
    /// running share the next pass, so a burst of new chats costs a few passes, not one each.
    /// </summary>
    public async Task DispatchAsync(CancellationToken ct = default)
    {
        TaskCompletionSource mine;
        bool startRunner;
        lock (_sync)
        {
            mine = _requested ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            startRunner = !_running;
            _running = true;
        }

        if (startRunner)
        {
            _ = Task.Run(RunPassesAsync, CancellationToken.None);
        }

        await mine.Task.WaitAsync(ct);
    }

    private async Task RunPassesAsync()
    {
        while (true)
        {
            TaskCompletionSource batch;
            lock (_sync)
            {
                if (_requested is null)
                {
                    _running = false;
                    return;
                }

                batch = _requested;
                _requested = null;
            }

            try
            {
                await PassAsync(CancellationToken.None);
                batch.SetResult();
            }
            catch (Exception ex)
            {
                batch.SetException(ex);
            }
        }
    }

    private async Task PassAsync(CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var now = time.GetUtcNow();
        var queue = await live.GetQueueAsync(ct);
        var agents = await live.GetAgentsAsync(ct);
        var plan = Router.Plan(queue, agents, snapshot, now);
        if (plan.Count > 0)
        {
            var assigned = new List<Assignment>(plan.Count);
            foreach (var assignment in plan)
            {
                if (await live.TryAssignAsync(assignment.ChatId, assignment.AgentId, ct))
                {
                    assigned.Add(assignment);
                }
            }

            await OfferAllAsync(snapshot, assigned, queue, agents, now, ct);
        }

        broadcast.Soon();
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

    internal static QueueOverview Overview(IReadOnlyList<QueuedChat> queue, Guid agentId, int homeKommune, Domain.Rota.RotaSnapshot snapshot, DateTimeOffset now)
    {
        var instant = Instant.FromDateTimeOffset(now);
        var mine = queue.Where(q => Router.Tier(agentId, homeKommune, q, snapshot.DutyAt(q.KommuneKode, instant), now) is not null).ToList();
        return new QueueOverview(
            mine.Count,
            mine.Count == 0 ? null : (int)(now - mine.Min(q => q.EnqueuedAt)).TotalSeconds,
            mine.Select(q => new QueuedChatSummary(q.ChatId, snapshot.SlugOf(q.KommuneKode), q.Topic, q.EnqueuedAt)).ToList());
    }

    /// <summary>How many offers of one pass run side by side on a database server.</summary>
    private const int ConcurrentOffers = 8;

    /// <summary>
    /// Offers the chats this pass assigned. Each offer is a few database and backplane round trips (about 4 ms each
    /// with Redis and PostgreSQL on a loaded node), so on a database server up to <see cref="ConcurrentOffers"/> run
    /// side by side, each in its own scope; a region's evening start then waits for a few round trips per agent,
    /// not for every offer before it. On SQLite, one writer per file anyway, they run one after another.
    /// </summary>
    private async Task OfferAllAsync(
        Domain.Rota.RotaSnapshot snapshot, List<Assignment> assigned, IReadOnlyList<QueuedChat> queue, IReadOnlyList<AgentPresence> agents, DateTimeOffset now, CancellationToken ct)
    {
        var homeKommune = agents.DistinctBy(a => a.AgentId).ToDictionary(a => a.AgentId, a => a.HomeKommune);
        var waiting = queue.ToDictionary(q => q.ChatId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        if (assigned.Count == 1 || db.Database.IsSqlite())
        {
            foreach (var assignment in assigned)
            {
                await OfferOrRequeueAsync(db, snapshot, assignment, waiting[assignment.ChatId], homeKommune.GetValueOrDefault(assignment.AgentId), now, ct);
            }

            return;
        }

        await Parallel.ForEachAsync(assigned, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentOffers, CancellationToken = ct }, async (assignment, token) =>
        {
            await using var own = scopes.CreateAsyncScope();
            await OfferOrRequeueAsync(
                own.ServiceProvider.GetRequiredService<HotlineDbContext>(), snapshot, assignment, waiting[assignment.ChatId], homeKommune.GetValueOrDefault(assignment.AgentId), now, token);
        });
    }

    /// <summary>
    /// The pass has assigned all its chats in the live state before offering any: an offer that fails (the database
    /// away a moment) puts its chat back in the queue, in its place, and the pass goes on with the others, which
    /// would otherwise be held for their agents without ever being offered.
    /// </summary>
    private async Task OfferOrRequeueAsync(HotlineDbContext db, Domain.Rota.RotaSnapshot snapshot, Assignment assignment, QueuedChat waiting, int agentKommune, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await OfferAsync(db, snapshot, assignment, agentKommune, now, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Chat {ChatId} could not be offered to {AgentId}; it waits in the queue again", assignment.ChatId, assignment.AgentId);
            try
            {
                // Told first, as for a chat she returns herself: the requeued chat may be offered to her again at once.
                await notify.Agent(assignment.AgentId).ChatRemoved(new ChatRemoved(assignment.ChatId, ChatRemovedReasons.ReturnedToQueue));
                if (await live.RequeueAsync(waiting, assignment.AgentId, now, ct))
                {
                    // The row may have been stored before the failure: it says waiting again too, unless a later
                    // offer has been stored meanwhile.
                    var row = await db.Chats.AsNoTracking().FirstOrDefaultAsync(c => c.Id == assignment.ChatId, ct);
                    if (row is { State: ChatState.Assigned } && row.AgentId == assignment.AgentId)
                    {
                        await db.SaveWaitingAgainAsync(row, ct);
                    }
                }
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                // The live state is away as well: the chat stays held for the agent, and her console, asked to resync
                // when the live state is back (ClientResync), shows it to her to accept.
                logger.LogError(again, "Chat {ChatId} could not be put back in the queue", assignment.ChatId);
            }
        }
    }

    private async Task OfferAsync(HotlineDbContext db, Domain.Rota.RotaSnapshot snapshot, Assignment assignment, int agentKommune, DateTimeOffset now, CancellationToken ct)
    {
        var chat = await db.Chats.FirstOrDefaultAsync(c => c.Id == assignment.ChatId, ct);
        if (chat is null || ChatLifecycle.IsOver(chat.State))
        {
            // The live state still held a chat the database has closed: drop it instead of offering it.
            await live.ReleaseAsync(assignment.ChatId, now, ct);
            logger.LogWarning("Chat {ChatId} was in the live queue but is closed in the database; dropped", assignment.ChatId);
            return;
        }

        var offered = chat.Change(c => c.Offer(assignment.AgentId, agentKommune, now));
        if (!await db.SaveHolderWhileOpenAsync(chat, ct, raise: offered))
        {
            await live.ReleaseAsync(assignment.ChatId, now, ct);
            logger.LogInformation("Chat {ChatId} ended before it could be offered to {AgentId}", chat.Id, assignment.AgentId);
            return;
        }

        var messages = await db.Messages.AsNoTracking().Where(m => m.ChatId == chat.Id).ToListAsync(ct);
        await notify.Agent(assignment.AgentId).ChatOffered(chat.ToAgentChat(snapshot.RequireKommune(chat.KommuneKode), messages));
        await notify.Citizen(chat.Id).ChatStateChanged(new ChatStateChanged(chat.Id, ChatStatus.Assigned, null, now));
        logger.LogInformation("Chat {ChatId} assigned to {AgentId}", chat.Id, assignment.AgentId);
    }
}
