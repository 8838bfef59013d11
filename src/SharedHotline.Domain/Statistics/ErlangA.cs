namespace SharedHotline.Domain.Statistics;

/// <summary>
/// The Erlang A model (M/M/n+M, Garnett, Mandelbaum &amp; Reiman 2002): Poisson arrivals, exponential handle times,
/// n servers, first come first served, and exponential patience: a waiting citizen gives up at rate θ = 1 / mean patience.
/// Computed from the birth–death chain of the number of chats in the system, truncated where its probabilities fall
/// below e^−40 of the largest. Arrivals see that distribution (PASTA).
/// </summary>
public sealed class ErlangA
{
    private const double TailLog = -40;
    private const int MaxStates = 200_000;
    private readonly double _serve;
    private readonly double _abandon;
    private readonly double _notWaiting;
    private readonly double[] _waitingAhead;

    /// <param name="servers">Parallel chats that can be handled: agents × concurrency.</param>
    /// <param name="meanPatienceSeconds">Mean time a citizen waits before giving up; +∞ for nobody giving up (Erlang C).</param>
    public ErlangA(int servers, double arrivalsPerHour, double meanHandleSeconds, double meanPatienceSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servers);
        ArgumentOutOfRangeException.ThrowIfNegative(arrivalsPerHour);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meanHandleSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meanPatienceSeconds);
        Servers = servers;
        var arrival = arrivalsPerHour / 3600;
        _serve = servers / meanHandleSeconds;
        _abandon = 1 / meanPatienceSeconds;
        Traffic = arrival * meanHandleSeconds;
        if (_abandon == 0 && Traffic >= servers)
        {
            // Nobody gives up and the servers cannot keep up: everyone waits, ever longer.
            (_notWaiting, _waitingAhead) = (0, []);
            ProbabilityOfWaiting = 1;
            MeanWaitSeconds = double.PositiveInfinity;
            return;
        }

        var p = Stationary(arrival, 1 / meanHandleSeconds);
        _notWaiting = p.Take(servers).Sum();
        _waitingAhead = [.. p.Skip(servers)];
        ProbabilityOfWaiting = 1 - _notWaiting;
        ProbabilityOfAbandonment = _waitingAhead.Select((q, j) => q * (j + 1) * _abandon / (_serve + ((j + 1) * _abandon))).Sum();
        MeanWaitSeconds = arrival == 0 ? 0 : _waitingAhead.Select((q, j) => q * j).Sum() / arrival;
    }

    public int Servers { get; }

    /// <summary>The offered traffic in Erlang: arrival rate × mean handle time.</summary>
    public double Traffic { get; }

    /// <summary>The probability that a chat finds every server busy and waits.</summary>
    public double ProbabilityOfWaiting { get; }

    /// <summary>The probability that a chat is abandoned before it is answered.</summary>
    public double ProbabilityOfAbandonment { get; }

    /// <summary>The mean wait of all chats, answered or not (Little's law on the queue).</summary>
    public double MeanWaitSeconds { get; }

    /// <summary>
    /// The probability that a chat is answered within <paramref name="thresholdSeconds"/>, abandoned chats counting
    /// against it. A chat that finds j others waiting ahead advances while it stays: with i ahead the next of them leaves
    /// (answered or giving up) at rate nμ + iθ, and the chat's own patience ends at rate θ. That pure-death chain is
    /// solved by uniformisation, a Poisson mixture of its jump chain with positive terms only, so nothing cancels.
    /// </summary>
    public double ServiceLevel(double thresholdSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(thresholdSeconds);
        if (_waitingAhead.Length == 0 || thresholdSeconds == 0)
        {
            return _notWaiting;
        }

        var ahead = _waitingAhead.Length - 1;
        var rate = _serve + ((ahead + 1) * _abandon);
        var mean = rate * thresholdSeconds;
        var steps = (int)Math.Ceiling(mean + (12 * Math.Sqrt(mean)) + 20);
        var waiting = (double[])_waitingAhead.Clone();
        var next = new double[waiting.Length];
        double served = 0, answeredInTime = 0, weightSoFar = 0, logWeight = -mean;
        for (var m = 0; m <= steps; m++)
        {
            var weight = Math.Exp(logWeight);
            answeredInTime += weight * served;
            weightSoFar += weight;
            served += waiting[0] * _serve / rate;
            for (var i = 0; i <= ahead; i++)
            {
                var stay = 1 - ((_serve + ((i + 1) * _abandon)) / rate);
                var fromBehind = i < ahead ? waiting[i + 1] * (_serve + ((i + 1) * _abandon)) / rate : 0;
                next[i] = (waiting[i] * stay) + fromBehind;
            }

            (waiting, next) = (next, waiting);
            logWeight += Math.Log(mean) - Math.Log(m + 1);
        }

        // The Poisson tail beyond the last step weighs at most 1e-12; count it with the last served share.
        return _notWaiting + answeredInTime + (Math.Max(0, 1 - weightSoFar) * served);
    }

    private double[] Stationary(double arrival, double perServer)
    {
        var logs = new List<double> { 0 };
        var largest = 0.0;
        for (var k = 1; ; k++)
        {
            var leaving = (Math.Min(k, Servers) * perServer) + (Math.Max(k - Servers, 0) * _abandon);
            var log = arrival == 0 ? double.NegativeInfinity : logs[^1] + Math.Log(arrival) - Math.Log(leaving);
            if (k > Servers && leaving > arrival && log - largest < TailLog)
            {
                break;
            }

            if (k > MaxStates)
            {
                throw new ArgumentException("The queue this model describes is too long to compute; is the patience realistic?");
            }

            logs.Add(log);
            largest = Math.Max(largest, log);
        }

        var weights = logs.Select(l => Math.Exp(l - largest)).ToArray();
        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }
}
