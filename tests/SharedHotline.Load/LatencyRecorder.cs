using System.Collections.Concurrent;
using System.Diagnostics;

namespace SharedHotline.Load;

/// <summary>
/// Send-to-receive latency per message, matched by the sender's client message id. Only messages sent between
/// <see cref="StartMeasuring"/> and <see cref="StopMeasuring"/> count, so the ramp-up (connecting, routing, JIT)
/// stays out of the figures; one recorder can collect several rounds.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, (long At, bool Counted)> _sent = new();
    private readonly ConcurrentBag<double> _milliseconds = [];
    private volatile bool _measuring;

    public void StartMeasuring() => _measuring = true;

    public void StopMeasuring() => _measuring = false;

    public int Pending => _sent.Count;

    public void Sent(string clientMessageId) => _sent[clientMessageId] = (Stopwatch.GetTimestamp(), _measuring);

    public void Received(string clientMessageId)
    {
        if (_sent.TryRemove(clientMessageId, out var sent) && sent.Counted)
        {
            _milliseconds.Add(Stopwatch.GetElapsedTime(sent.At).TotalMilliseconds);
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
