using Microsoft.AspNetCore.SignalR;

namespace SharedHotline.Load.Host;

/// <summary>Counts open hub connections on this node (a hub filter), for the load generator's figures.</summary>
public sealed class ConnectionCounter : IHubFilter
{
    private int _current;

    public int Current => Volatile.Read(ref _current);

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        Interlocked.Increment(ref _current);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Interlocked.Decrement(ref _current);
        return next(context, exception);
    }
}
