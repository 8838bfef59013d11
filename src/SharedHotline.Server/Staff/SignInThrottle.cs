using System.Collections.Concurrent;

namespace SharedHotline.Server.Staff;

/// <summary>
/// Wrong passwords counted per account and client address: after <see cref="MaxFailures"/> that address may not try
/// that account again for <see cref="LockoutDuration"/>. A guess is counted before the password is checked, so parallel
/// requests cannot try more than the limit; a right password clears the count. Someone who types wrong passwords for
/// a colleague locks out only their own address, not the colleague's evening. Counted per node, in memory.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(Guid Account, string Address), Attempts> _attempts = new();

    /// <summary>Takes one of the address's guesses at the account, or false when it has none left.</summary>
    public bool TryBegin(Guid account, string address)
    {
        var now = time.GetUtcNow();
        if (_attempts.Count > MaxEntries)
        {
            foreach (var stale in _attempts.Where(a => a.Value.IsOver(now)).Select(a => a.Key).ToList())
            {
                _attempts.TryRemove(stale, out _);
            }
        }

        var attempts = _attempts.GetOrAdd((account, address), _ => new Attempts());
        return attempts.TryTake(now);
    }

    public void Succeeded(Guid account, string address) => _attempts.TryRemove((account, address), out _);

    /// <summary>An admin's unlock: every address may try again.</summary>
    public void Clear(Guid account)
    {
        foreach (var key in _attempts.Keys.Where(k => k.Account == account).ToList())
        {
            _attempts.TryRemove(key, out _);
        }
    }

    private sealed class Attempts
    {
        private int _count;
        private DateTimeOffset _windowEnds;

        public bool IsOver(DateTimeOffset now)
        {
            lock (this)
            {
                return now >= _windowEnds;
            }
        }

        public bool TryTake(DateTimeOffset now)
        {
            lock (this)
            {
                if (now >= _windowEnds)
                {
                    _count = 0;
                    _windowEnds = now + LockoutDuration;
                }

                if (_count >= MaxFailures)
                {
                    return false;
                }

                _count++;
                return true;
            }
        }
    }
}
