namespace SharedHotline.Domain.Statistics;

/// <summary>
/// How many agents a slot needs to answer <see cref="ServiceLevel"/> of its chats within the threshold, by
/// <see cref="ErlangA"/>. An agent handling c chats at once is modelled as c servers whose per-chat handle time is the
/// time a chat takes when handled alongside others (the measured handle time already is), so servers = agents × c.
/// That treats an agent's concurrent chats as independent, which flatters the agent a little when all c are busy.
/// </summary>
/// <param name="Agents">Agents needed: the servers needed divided by the concurrency, rounded up.</param>
/// <param name="Servers">Concurrent chats those agents can hold: Agents × concurrency.</param>
/// <param name="ServiceLevel">The share answered within the threshold with <see cref="Servers"/> servers.</param>
/// <param name="ProbabilityOfAbandonment">The share that would give up with <see cref="Servers"/> servers.</param>
/// <param name="TrafficErlangs">The offered load: arrivals per second × mean handle seconds.</param>
public sealed record StaffingNeed(int Agents, int Servers, double ServiceLevel, double ProbabilityOfAbandonment, double TrafficErlangs)
{
    /// <summary>Chats an agent handles at once when the caller knows no better (agents' capacity is set per staff member).</summary>
    public const int DefaultConcurrency = 2;

    /// <summary>The partnership's default target: 80 % answered within the threshold.</summary>
    public const double DefaultServiceLevelTarget = 0.8;

    /// <summary>
    /// The fewest agents of <paramref name="concurrency"/> chats each that answer at least
    /// <paramref name="serviceLevelTarget"/> of the chats within <paramref name="thresholdSeconds"/>.
    /// No arrivals need no agents. Patience +∞ gives the Erlang C answer.
    /// </summary>
    public static StaffingNeed For(
        double arrivalsPerHour,
        double meanHandleSeconds,
        double meanPatienceSeconds,
        int concurrency = DefaultConcurrency,
        double serviceLevelTarget = DefaultServiceLevelTarget,
        double thresholdSeconds = StatFigures.DefaultThresholdSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(arrivalsPerHour);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        if (serviceLevelTarget is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serviceLevelTarget), "A service-level target is above 0 and below 1.");
        }

        var traffic = arrivalsPerHour / 3600 * meanHandleSeconds;
        if (arrivalsPerHour == 0)
        {
            return new StaffingNeed(0, 0, 1, 0, 0);
        }

        // n servers answer at most n/A of the chats, so fewer than target × A cannot reach the target.
        var servers = Math.Max(1, (int)Math.Floor(serviceLevelTarget * traffic));
        while (new ErlangA(servers, arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds).ServiceLevel(thresholdSeconds) < serviceLevelTarget)
        {
            servers++;
        }

        var agents = (servers + concurrency - 1) / concurrency;
        var staffed = new ErlangA(agents * concurrency, arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds);
        return new StaffingNeed(agents, agents * concurrency, staffed.ServiceLevel(thresholdSeconds), staffed.ProbabilityOfAbandonment, traffic);
    }
}
