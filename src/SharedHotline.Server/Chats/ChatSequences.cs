using System.Collections.Concurrent;

namespace SharedHotline.Server.Chats;

/// <summary>
/// This node's memory of each open chat's last stored sequence number: a hint that saves a query per
/// message. The database's unique index stays the judge; a wrong hint costs one retry.
/// </summary>
public sealed class ChatSequences
{
    private const int MaxChats = 100_000;
    private readonly ConcurrentDictionary<Guid, long> _last = new();

    public long? Last(Guid chatId) => _last.TryGetValue(chatId, out var seq) ? seq : null;

    public void Stored(Guid chatId, long seq)
    {
        // Count takes every lock of the dictionary: only ask it when a chat is new to this node.
        if (!_last.ContainsKey(chatId) && _last.Count >= MaxChats)
        {
            _last.Clear();
        }

        _last.AddOrUpdate(chatId, seq, (_, known) => Math.Max(known, seq));
    }

    public void Forget(Guid chatId) => _last.TryRemove(chatId, out _);
}
