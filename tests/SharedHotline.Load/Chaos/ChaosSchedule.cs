namespace SharedHotline.Load.Chaos;

public enum ChaosActionKind
{
    KillNode,
    StartNode,
    RestartRedisKeepingData,
    RestartRedisEmpty,
    PausePostgres,
    DropSocket,
}

/// <summary>One planned failure: what, when after the start, and on which node (for the node actions).</summary>
public sealed record ChaosAction(TimeSpan At, ChaosActionKind Kind, int Node = -1);

/// <summary>The run's failures, planned before it starts from the options alone, so two runs with the same options break the same things at the same times.</summary>
public static class ChaosSchedule
{
    public static IReadOnlyList<ChaosAction> Plan(ChaosOptions options)
    {
        var actions = new List<ChaosAction>();
        // Nothing breaks in the first and last 15 seconds: chats start first, and the end needs a settled region to check.
        var quiet = TimeSpan.FromSeconds(15);
        var last = options.Duration - quiet;
        var node = 0;
        for (var at = quiet + TimeSpan.FromSeconds(5); at + options.NodeDownFor < last; at += options.NodeKillEvery)
        {
            actions.Add(new ChaosAction(at, ChaosActionKind.KillNode, node));
            actions.Add(new ChaosAction(at + options.NodeDownFor, ChaosActionKind.StartNode, node));
            node = (node + 1) % options.Nodes;
        }

        var keep = false;
        for (var at = quiet + options.RedisRestartEvery / 2; at < last; at += options.RedisRestartEvery)
        {
            actions.Add(new ChaosAction(at, keep ? ChaosActionKind.RestartRedisKeepingData : ChaosActionKind.RestartRedisEmpty));
            keep = !keep;
        }

        for (var at = quiet + options.PostgresPauseEvery / 3; at + options.PostgresPauseFor < last; at += options.PostgresPauseEvery)
        {
            actions.Add(new ChaosAction(at, ChaosActionKind.PausePostgres));
        }

        for (var at = quiet; at < last; at += options.SocketDropEvery)
        {
            actions.Add(new ChaosAction(at, ChaosActionKind.DropSocket));
        }

        return [.. actions.OrderBy(a => a.At)];
    }
}
