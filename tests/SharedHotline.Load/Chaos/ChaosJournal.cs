using System.Collections.Concurrent;
using System.Diagnostics;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Load.Chaos;

/// <summary>An acknowledgement a client received: the message is stored, says the server.</summary>
public sealed record AckRecord(Guid MessageId, Guid ChatId, long Seq, string Party, TimeSpan At);

/// <summary>Something the run did or found, at its time since the start.</summary>
public sealed record JournalEntry(TimeSpan At, string Text);

/// <summary>
/// What every client acknowledged and saw, every failure the run caused and every breach a sample found. Thread-safe:
/// clients, the failure schedule and the sampler write at once. Holds ids and numbers only, never message text.
/// </summary>
public sealed class ChaosJournal
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly ConcurrentDictionary<Guid, AckRecord> _acks = new();
    private readonly ConcurrentDictionary<(string Party, Guid ChatId), ConcurrentDictionary<Guid, byte>> _seen = new();
    private readonly ConcurrentQueue<JournalEntry> _actions = new();
    private readonly ConcurrentQueue<JournalEntry> _breaches = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private readonly ConcurrentDictionary<Guid, string> _caughtUp = new();
    private readonly ConcurrentDictionary<Guid, string> _chatOwners = new();
    private readonly ConcurrentDictionary<(Guid Client, Guid MessageId), byte> _raised = new();

    public TimeSpan Now => Stopwatch.GetElapsedTime(_start);

    public IReadOnlyCollection<AckRecord> Acks => [.. _acks.Values];
    public IReadOnlyList<JournalEntry> Actions => [.. _actions];
    public IReadOnlyList<JournalEntry> Breaches => [.. _breaches];
    public IReadOnlyDictionary<string, int> Counters => new Dictionary<string, int>(_counters);

    /// <summary>Chats whose citizen caught up after the chat ended or at the end of the run, with the citizen's party name.</summary>
    public IReadOnlyDictionary<Guid, string> CaughtUp => new Dictionary<Guid, string>(_caughtUp);

    /// <summary>The citizen party that started each chat.</summary>
    public IReadOnlyDictionary<Guid, string> ChatOwners => new Dictionary<Guid, string>(_chatOwners);

    public void Action(string text) => _actions.Enqueue(new JournalEntry(Now, text));

    public void Breach(string text) => _breaches.Enqueue(new JournalEntry(Now, text));

    public void Count(string counter, int by = 1) => _counters.AddOrUpdate(counter, by, (_, n) => n + by);

    public void Started(string citizen, Guid chatId)
    {
        _chatOwners[chatId] = citizen;
        Count("chats started");
    }

    public void Acked(string party, Guid client, MessageAck ack)
    {
        _acks.TryAdd(ack.MessageId, new AckRecord(ack.MessageId, ack.ChatId, ack.Seq, party, Now));
        Saw(party, ack.ChatId, ack.MessageId);
        _raised.TryAdd((client, ack.MessageId), 0);
        Count("messages acknowledged");
    }

    /// <summary>
    /// A message raised as new by one client instance (<paramref name="client"/>: a page or console, not the person, since a
    /// reloaded page is shown the history again): raised twice by the same instance is a duplicate the user would see.
    /// </summary>
    public void Received(string party, Guid client, ChatMessage message)
    {
        Saw(party, message.ChatId, message.MessageId);
        if (!_raised.TryAdd((client, message.MessageId), 0))
        {
            Count("duplicates delivered");
            Breach($"{party} was given message {message.MessageId} of chat {message.ChatId} twice");
        }
    }

    /// <summary>Messages a client was shown as a chat's history (an offer, an accept, a resume): seen, not raised one by one.</summary>
    public void SawHistory(string party, IEnumerable<ChatMessage> messages)
    {
        foreach (var message in messages)
        {
            Saw(party, message.ChatId, message.MessageId);
        }
    }

    public void CitizenCaughtUp(string citizen, Guid chatId) => _caughtUp[chatId] = citizen;

    public IReadOnlySet<Guid> SeenBy(string party, Guid chatId) =>
        _seen.TryGetValue((party, chatId), out var seen) ? seen.Keys.ToHashSet() : [];

    private bool Saw(string party, Guid chatId, Guid messageId) =>
        _seen.GetOrAdd((party, chatId), _ => new ConcurrentDictionary<Guid, byte>()).TryAdd(messageId, 0);
}
