namespace SharedHotline.Server.Chats;

/// <summary>Counts each agent's open connections on this node, so closing one browser tab does not sign the agent out.</summary>
public sealed class AgentConnections
{
    private readonly Dictionary<Guid, HashSet<string>> _byAgent = [];
    private readonly Lock _gate = new();

    public void Connected(Guid agentId, string connectionId)
    {
        lock (_gate)
        {
            if (!_byAgent.TryGetValue(agentId, out var set))
            {
                _byAgent[agentId] = set = [];
            }

            set.Add(connectionId);
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
            return true;
        }
    }
}
