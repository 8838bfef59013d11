namespace SharedHotline.Server.Chats;

/// <summary>
/// Hub events are best effort: one sent while Redis (the backplane or the live state) is away is lost in transit,
/// and a client whose own connection stayed up would not know. So when a send fails, or a Redis connection comes
/// back, connected clients are asked to fetch what they missed (<see cref="ChatNotifier.ResyncEveryoneAsync"/>) on
/// the next few maintenance ticks: a few, because a peer node may still be reconnecting on the first.
/// </summary>
public sealed class ClientResync
{
    public const int Ticks = 3;

    private int _ticksLeft;

    /// <summary>Asks for a resync on each of the next <see cref="Ticks"/> maintenance ticks.</summary>
    public void Request() => Interlocked.Exchange(ref _ticksLeft, Ticks);

    /// <summary>Requests a resync whenever <paramref name="connection"/> reconnects.</summary>
    public void Watch(StackExchange.Redis.IConnectionMultiplexer connection) => connection.ConnectionRestored += (_, _) => Request();

    /// <summary>True when this tick should resync; uses up one of the requested ticks.</summary>
    public bool TakeTick()
    {
        while (true)
        {
            var left = Volatile.Read(ref _ticksLeft);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _ticksLeft, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
