namespace SharedHotline.Domain.Statistics;

/// <summary>
/// Erlang's delay formula (M/M/n): Poisson arrivals, exponential handle times, n servers, nobody gives up.
/// Traffic A = arrival rate × mean handle time, in Erlang. The baseline of the staffing model; it over-staffs when
/// citizens abandon (see <see cref="ErlangA"/>).
/// </summary>
public static class ErlangC
{
    /// <summary>Erlang's loss formula B(n, A), by the recursion B(k) = A·B(k-1) / (k + A·B(k-1)), which neither overflows nor cancels.</summary>
    public static double ErlangB(int servers, double traffic)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(servers);
        ArgumentOutOfRangeException.ThrowIfNegative(traffic);
        var b = 1.0;
        for (var k = 1; k <= servers; k++)
        {
            b = traffic * b / (k + (traffic * b));
        }

        return b;
    }

    /// <summary>The probability that a chat waits at all, C(n, A) = n·B / (n − A·(1 − B)); 1 when A ≥ n (the queue grows without bound).</summary>
    public static double ProbabilityOfWaiting(int servers, double traffic)
    {
        if (traffic >= servers)
        {
            return 1;
        }

        var b = ErlangB(servers, traffic);
        return servers * b / (servers - (traffic * (1 - b)));
    }

    /// <summary>The share answered within <paramref name="thresholdSeconds"/>: 1 − C·e^(−(n−A)·t/h); 0 when A ≥ n.</summary>
    public static double ServiceLevel(int servers, double traffic, double meanHandleSeconds, double thresholdSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meanHandleSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(thresholdSeconds);
        if (traffic >= servers)
        {
            return 0;
        }

        return 1 - (ProbabilityOfWaiting(servers, traffic) * Math.Exp(-(servers - traffic) * thresholdSeconds / meanHandleSeconds));
    }

    /// <summary>The mean wait of all chats (average speed of answer), C·h / (n − A); +∞ when A ≥ n.</summary>
    public static double AverageSpeedOfAnswerSeconds(int servers, double traffic, double meanHandleSeconds) =>
        traffic >= servers
            ? double.PositiveInfinity
            : ProbabilityOfWaiting(servers, traffic) * meanHandleSeconds / (servers - traffic);

    /// <summary>The fewest servers whose <see cref="ServiceLevel"/> reaches <paramref name="serviceLevelTarget"/> (below 1).</summary>
    public static int ServersFor(double traffic, double meanHandleSeconds, double thresholdSeconds, double serviceLevelTarget)
    {
        if (serviceLevelTarget is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serviceLevelTarget), "A service-level target is above 0 and below 1.");
        }

        var servers = Math.Max(1, (int)Math.Floor(traffic) + 1);
        while (ServiceLevel(servers, traffic, meanHandleSeconds, thresholdSeconds) < serviceLevelTarget)
        {
            servers++;
        }

        return servers;
    }
}
