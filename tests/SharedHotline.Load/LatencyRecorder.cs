using System.Collections.Concurrent;
using System.Diagnostics;

namespace SharedHotline.Load;

/// <summary>
/// Send-to-receive latency per message, matched by the sender's client message id. Only messages sent after
/// <see cref="StartMeasuring"/> count, so the ramp-up (connecting, routing, JIT) stays out of the figures.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, long> _sent = new();
    private readonly ConcurrentBag<double> _milliseconds = [];
    private long _measuringFrom = long.MaxValue;

    public void StartMeasuring() => Interlocked.Exchange(ref _measuringFrom, Stopwatch.GetTimestamp());

    public int Pending => _sent.Count;

    public void Sent(string clientMessageId) => _sent[clientMessageId] = Stopwatch.GetTimestamp();

    public void Received(string clientMessageId)
    {
        if (_sent.TryRemove(clientMessageId, out var start) && start >= Interlocked.Read(ref _measuringFrom))
        {
            _milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    public LatencyStats Stats() => LatencyStats.From(_milliseconds.ToArray());
}

public sealed record LatencyStats(int Count, double P50, double P90, double P99, double Max)
{
    public static LatencyStats From(double[] values)
    {
        if (values.Length == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0);
        }

        Array.Sort(values);
        return new LatencyStats(values.Length, At(0.50), At(0.90), At(0.99), values[^1]);

        double At(double q) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(q * values.Length) - 1)];
    }
}
