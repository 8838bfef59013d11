namespace SharedHotline.Server.Chats;

/// <summary>Rolling average handle time of the last chats ended on this node; the basis of wait estimates.</summary>
public sealed class HandleTimes
{
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(6);
    private const int Window = 50;
    private readonly Queue<TimeSpan> _recent = new();
    private readonly Lock _gate = new();

    public TimeSpan Average
    {
        get
        {
            lock (_gate)
            {
                return _recent.Count == 0 ? Default : TimeSpan.FromTicks((long)_recent.Average(t => t.Ticks));
            }
        }
    }

    public void Record(TimeSpan handled)
    {
        if (handled <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            _recent.Enqueue(handled);
            while (_recent.Count > Window)
            {
                _recent.Dequeue();
            }
        }
    }
}
