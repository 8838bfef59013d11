namespace SharedHotline.Load.Chaos;

/// <summary>
/// A chaos run: the region up, agents and citizens at work through the typed client, the planned failures carried out
/// on time, then everything brought back, every client caught up, and the checks made (<see cref="ChaosVerdict"/>).
/// </summary>
public static class ChaosRun
{
    public static async Task<ChaosReport> RunAsync(ChaosOptions options, Action<string> progress, CancellationToken ct)
    {
        var journal = new ChaosJournal();
        var plan = ChaosSchedule.Plan(options);
        var startedAt = DateTimeOffset.UtcNow;
        await using var region = await ChaosRegion.StartAsync(options, journal);
        progress($"region up: PostgreSQL, Redis, {options.Nodes} nodes behind {region.Address}; {plan.Count} failures planned over {options.Duration.TotalMinutes:F0} min");
        journal.Action($"region up: PostgreSQL, Redis (persistent), {options.Nodes} nodes, load balancer");

        var agents = Enumerable.Range(1, options.Agents).Select(i => new ChaosAgent(i, region.Address, options, journal)).ToList();
        var citizens = Enumerable.Range(1, options.Citizens).Select(i => new ChaosCitizen(i, region.Address, options, journal)).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = agents.Select(a => Task.Run(() => a.RunAsync(stop.Token), ct)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var spacing = TimeSpan.FromSeconds(10) / Math.Max(1, options.Citizens);
        work.AddRange(citizens.Select((c, i) => Task.Run(async () =>
        {
            await Task.Delay(spacing * i, stop.Token);
            await c.RunAsync(stop.Token);
        }, ct)));
        var sampling = new ChaosSampler(agents, region.Database, options, journal).RunAsync(stop.Token);

        var failures = await CarryOutAsync(region, plan, options, journal, progress, ct);
        progress("failures over; bringing every part back and stopping the clients");
        await Task.WhenAll(failures);
        for (var node = 0; node < options.Nodes; node++)
        {
            await region.StartNodeAsync(node);
        }

        await stop.CancelAsync();
        await sampling;
        var finished = Task.WhenAll(work.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        await Task.WhenAny(finished, Task.Delay(ChaosPace.Patience + TimeSpan.FromSeconds(10), ct));
        var behind = work.Count(t => !t.IsCompleted);

        // Let the region settle (offers of requeued chats, presence after reconnects), then every client catches up.
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        using var catchUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
        catchUp.CancelAfter(ChaosPace.Patience + TimeSpan.FromSeconds(30));
        await Task.WhenAll(agents.Select(a => a.CatchUpAsync(catchUp.Token)));
        await Task.WhenAll(citizens.Select(c => c.CatchUpAsync(catchUp.Token)));
        progress("clients caught up; checking against the database");
        var checks = await ChaosVerdict.CheckAsync(region.Database, journal, agents, behind, ct);

        foreach (var client in agents.Select(a => (Func<Task>)a.DisposeAsync).Concat(citizens.Select(c => (Func<Task>)c.DisposeAsync)))
        {
            await client();
        }

        var errors = Enumerable.Range(0, options.Nodes).SelectMany(n => region.OutputOf(n).Where(l => l.Contains("[ERR]", StringComparison.Ordinal) || l.Contains("\"Error\"", StringComparison.Ordinal)).Take(10)).ToList();
        return new ChaosReport(startedAt, options, journal.Actions, journal.Counters, checks, errors);
    }

    /// <summary>Carries out each failure at its time, each as its own task so a slow start of a node holds up nothing else.</summary>
    private static async Task<List<Task>> CarryOutAsync(ChaosRegion region, IReadOnlyList<ChaosAction> plan, ChaosOptions options, ChaosJournal journal, Action<string> progress, CancellationToken ct)
    {
        var random = new Random(options.Seed);
        var start = journal.Now;
        var running = new List<Task>();
        foreach (var action in plan)
        {
            var due = start + action.At - journal.Now;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }

            running.Add(CarryOutAsync(region, action, options, journal, random, progress));
        }

        var end = start + options.Duration - journal.Now;
        if (end > TimeSpan.Zero)
        {
            await Task.Delay(end, ct);
        }

        return running;
    }

    private static async Task CarryOutAsync(ChaosRegion region, ChaosAction action, ChaosOptions options, ChaosJournal journal, Random random, Action<string> progress)
    {
        var node = action.Node >= 0 ? $"node-{(char)('a' + action.Node)}" : "";
        switch (action.Kind)
        {
            case ChaosActionKind.KillNode when Enumerable.Range(0, options.Nodes).Count(region.IsUp) > 1:
                await Do(() => region.KillNodeAsync(action.Node), $"{node} killed (SIGKILL)");
                break;
            case ChaosActionKind.KillNode:
                journal.Action($"{node} left running: it is the last node up");
                break;
            case ChaosActionKind.StartNode:
                await Do(() => region.StartNodeAsync(action.Node), $"{node} started again");
                break;
            case ChaosActionKind.RestartRedisEmpty:
                await Do(() => region.Redis.RestartAsync(forget: true), "Redis killed and started empty (no persistence)");
                break;
            case ChaosActionKind.RestartRedisKeepingData:
                await Do(() => region.Redis.RestartAsync(forget: false), "Redis killed and started from its append-only file (persistence)");
                break;
            case ChaosActionKind.PausePostgres:
                await Do(() => region.Postgres.PauseAsync(options.PostgresPauseFor), $"PostgreSQL paused for {options.PostgresPauseFor.TotalSeconds:F0} s (SIGSTOP, then SIGCONT)");
                break;
            case ChaosActionKind.DropSocket when region.Balancer.DropRandomConnection(random):
                journal.Action("a client's connection cut at the load balancer (reset)");
                journal.Count("connections cut");
                break;
        }

        async Task Do(Func<Task> step, string what)
        {
            var began = journal.Now;
            journal.Action(what);
            progress($"{began:mm\\:ss} {what}");
            try
            {
                await step();
                journal.Action($"{what}: done after {(journal.Now - began).TotalSeconds:F1} s");
            }
            catch (Exception ex)
            {
                journal.Breach($"the run could not carry out '{what}': {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
