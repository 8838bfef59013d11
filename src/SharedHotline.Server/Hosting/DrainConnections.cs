using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using SharedHotline.Server.Chats;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// The hub connections on this node, citizens' and agents' apart, so a drain can tell each to move and see them go.
/// While the node drains it refuses new hub connections (the load balancer sends them elsewhere).
/// </summary>
public sealed class DrainConnections(NodeDrain drain) : IHubFilter
{
    private readonly ConcurrentDictionary<string, bool> _citizens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _agents = new(StringComparer.Ordinal);

    public int Count => _citizens.Count + _agents.Count;

    public IReadOnlyList<string> Citizens => [.. _citizens.Keys];

    public IReadOnlyList<string> Agents => [.. _agents.Keys];

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (drain.Draining)
        {
            throw new HubException($"{Client.Contracts.HubErrorCodes.Unavailable}: This node is stopping; connect again to reach another.");
        }

        var set = Of(context.Hub);
        set[context.Context.ConnectionId] = true;
        try
        {
            await next(context);
        }
        catch
        {
            set.TryRemove(context.Context.ConnectionId, out _);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            Of(context.Hub).TryRemove(context.Context.ConnectionId, out _);
        }
    }

    private ConcurrentDictionary<string, bool> Of(Hub hub) => hub is AgentHub ? _agents : _citizens;
}
