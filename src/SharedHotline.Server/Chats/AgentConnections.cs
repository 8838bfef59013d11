using SharedHotline.Client.Contracts;

namespace SharedHotline.Server.Chats;

/// <summary>Counts each agent's open connections on this node, so closing one browser tab does not sign the agent out.</summary>
public sealed class AgentConnections
{
    private readonly Dictionary<Guid, HashSet<string>> _byAgent = [];
    private readonly Dictionary<Guid, Presence> _presence = [];
    private readonly Lock _gate = new();

    /// <summary>True when this is the agent's first connection on this node.</summary>
    public bool Connected(Guid agentId, string connectionId)
    {
        lock (_gate)
        {
            var first = !_byAgent.TryGetValue(agentId, out var set);
            if (first)
            {
                _byAgent[agentId] = set = [];
            }

            set!.Add(connectionId);
            return first;
        }
    }

    /// <summary>True when this was the agent's last connection on this node.</summary>
    public bool Disconnected(Guid agentId, string connectionId)
    {
        lock (_gate)
        {
            if (!_byAgent.TryGetValue(agentId, out var set))
            {
                return false;
            }

            set.Remove(connectionId);
            if (set.Count > 0)
            {
                return false;
            }

            _byAgent.Remove(agentId);
            _presence.Remove(agentId);
            return true;
        }
    }

    /// <summary>Remembers what the agent last chose here, to restore it if the shared live state is lost.</summary>
    public void PresenceChosen(Guid agentId, Presence presence)
    {
        lock (_gate)
        {
            if (_byAgent.ContainsKey(agentId))
            {
                _presence[agentId] = presence;
            }
        }
    }

    public IReadOnlyList<(Guid AgentId, Presence Presence)> PresenceOfConnectedAgents()
    {
        lock (_gate)
        {
            return _presence.Where(p => p.Value != Presence.Offline).Select(p => (p.Key, p.Value)).ToList();
        }
    }
}
