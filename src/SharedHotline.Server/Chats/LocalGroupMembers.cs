using Microsoft.AspNetCore.SignalR;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Which of this node's connections are in each chat and agent group. Over the Redis backplane every group send is
/// a publish that comes back through Redis even to connections on the sending node; with this list
/// <see cref="ChatNotifier"/> writes to its own node's members directly (as SignalR does for a single connection)
/// and publishes for the other nodes, leaving the local ones out. SignalR itself keeps group membership; this is a
/// copy of the part the hubs add on this node, taken in the same calls (<see cref="CitizenHub"/> joining a chat,
/// <see cref="AgentHub"/> connecting) just before SignalR's own, so a joining connection never gets an event through
/// Redis that a later direct one could overtake, and dropped on disconnect, which is when SignalR drops it too.
/// Without a backplane it keeps nothing: in-process group sends are local already.
/// </summary>
public sealed class LocalGroupMembers(bool overBackplane)
{
    private readonly Dictionary<string, string[]> _byGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byConnection = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when group sends go through a backplane (Redis), so that local delivery saves a round trip.</summary>
    public bool OverBackplane { get; } = overBackplane;

    /// <summary>
    /// Adds the calling connection to <paramref name="group"/>: recorded here first, then SignalR's own join, taken
    /// back if that fails (SignalR does not call OnDisconnectedAsync when OnConnectedAsync fails) or if the
    /// connection closed meanwhile (its OnDisconnectedAsync may already have run).
    /// </summary>
    public async Task JoinAsync(IGroupManager groups, HubCallerContext caller, string group)
    {
        Joined(group, caller.ConnectionId);
        try
        {
            // Over the backplane the join is a Redis round trip: its failure is the live state's.
            await Infrastructure.LiveState.LiveStateFailures.Run(() => groups.AddToGroupAsync(caller.ConnectionId, group));
        }
        catch
        {
            Left(group, caller.ConnectionId);
            throw;
        }

        if (caller.ConnectionAborted.IsCancellationRequested)
        {
            Disconnected(caller.ConnectionId);
        }
    }

    private void Joined(string group, string connectionId)
    {
        if (!OverBackplane)
        {
            return;
        }

        lock (_gate)
        {
            var members = _byGroup.GetValueOrDefault(group, []);
            if (Array.IndexOf(members, connectionId) >= 0)
            {
                return;
            }

            _byGroup[group] = [.. members, connectionId];
            if (!_byConnection.TryGetValue(connectionId, out var groups))
            {
                _byConnection[connectionId] = groups = [];
            }

            groups.Add(group);
        }
    }

    /// <summary>Takes back <see cref="Joined"/> when SignalR's own join failed.</summary>
    private void Left(string group, string connectionId)
    {
        lock (_gate)
        {
            if (_byConnection.TryGetValue(connectionId, out var groups) && groups.Remove(group))
            {
                Drop(group, connectionId);
                if (groups.Count == 0)
                {
                    _byConnection.Remove(connectionId);
                }
            }
        }
    }

    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            if (!_byConnection.Remove(connectionId, out var groups))
            {
                return;
            }

            foreach (var group in groups)
            {
                Drop(group, connectionId);
            }
        }
    }

    private void Drop(string group, string connectionId)
    {
        var left = Array.FindAll(_byGroup[group], id => id != connectionId);
        if (left.Length == 0)
        {
            _byGroup.Remove(group);
        }
        else
        {
            _byGroup[group] = left;
        }
    }

    /// <summary>This node's connections in <paramref name="group"/> (a snapshot, never changed afterwards).</summary>
    public string[] Of(string group)
    {
        lock (_gate)
        {
            return _byGroup.GetValueOrDefault(group, []);
        }
    }
}
