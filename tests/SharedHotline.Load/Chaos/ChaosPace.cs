using SharedHotline.Client;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Load.Chaos;

/// <summary>The clients' pace and their patience: how long between actions, and retrying what failed for a passing reason.</summary>
public static class ChaosPace
{
    /// <summary>How long a client keeps trying one call through node deaths, Redis restarts and database pauses.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly string[] Passing = [HubErrorCodes.Internal, HubErrorCodes.Unavailable, HubErrorCodes.RateLimited];

    /// <summary>Uniform between half and one and a half of <paramref name="every"/>.</summary>
    public static TimeSpan Next(Random random, TimeSpan every) => every * (0.5 + random.NextDouble());

    /// <summary>
    /// Runs <paramref name="call"/> until it succeeds, retrying what a client should retry (a lost connection, a node that is
    /// going, a server error while the region recovers) with <paramref name="heal"/> in between (a new connection when the old
    /// one gave up); a refusal with a code of its own (the chat ended, not yours) is thrown at once.
    /// </summary>
    public static async Task<T> UntilDoneAsync<T>(Func<Task<T>> call, ChaosJournal journal, string what, CancellationToken ct, Func<Task>? heal = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (IsPassing(ex, ct) && DateTime.UtcNow < deadline)
            {
                journal.Count($"{what} retried");
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 200 * (attempt + 1))), ct);
                if (heal is not null)
                {
                    try
                    {
                        await heal();
                    }
                    catch (Exception healing) when (IsPassing(healing, ct))
                    {
                        // The next attempt tries again.
                    }
                }
            }
        }
    }

    public static Task UntilDoneAsync(Func<Task> call, ChaosJournal journal, string what, CancellationToken ct, Func<Task>? heal = null) =>
        UntilDoneAsync(async () =>
        {
            await call();
            return true;
        }, journal, what, ct, heal);

    private static bool IsPassing(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException => !ct.IsCancellationRequested,
        HotlineHubException hub => Passing.Contains(hub.Code),
        _ => true,
    };
}
