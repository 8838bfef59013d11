namespace SharedHotline.IntegrationTests.Infrastructure;

/// <summary>Collects hub events so a test can wait for the one it expects.</summary>
public sealed class Inbox<T>
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly List<T> _items = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signal = new(0);

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return _items.ToList();
            }
        }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }

        _signal.Release();
    }

    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            lock (_gate)
            {
                // An index, not LastOrDefault: for a struct (a raw JSON payload) the default is not null and would match.
                var found = _items.FindLastIndex(i => predicate(i));
                if (found >= 0)
                {
                    return _items[found];
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _signal.WaitAsync(left))
            {
                lock (_gate)
                {
                    throw new TimeoutException($"No {typeof(T).Name} matched within the timeout; received {_items.Count}: {string.Join("; ", _items)}");
                }
            }
        }
    }
}
