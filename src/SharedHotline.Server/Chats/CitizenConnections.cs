namespace SharedHotline.Server.Chats;

/// <summary>
/// Which chats have a citizen connected to this node. Each maintenance tick stamps them as seen in the database, so
/// any node can tell a citizen who closed the tab from one connected elsewhere.
/// </summary>
public sealed class CitizenConnections
{
    private readonly Dictionary<string, HashSet<Guid>> _chatsOf = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Joined(string connectionId, Guid chatId)
    {
        lock (_gate)
        {
            if (!_chatsOf.TryGetValue(connectionId, out var chats))
            {
                _chatsOf[connectionId] = chats = [];
            }

            chats.Add(chatId);
        }
    }

    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            _chatsOf.Remove(connectionId);
        }
    }

    public IReadOnlyList<Guid> Chats()
    {
        lock (_gate)
        {
            return _chatsOf.Values.SelectMany(c => c).Distinct().ToList();
        }
    }
}
