using Npgsql;

namespace SharedHotline.Load.Chaos;

/// <summary>One check of the end of a run: how many breaches, and a few examples by id.</summary>
public sealed record ChaosCheck(string Name, int Breaches, IReadOnlyList<string> Examples);

/// <summary>
/// The end of a run, against the database and the clients' journal: every acknowledged message stored, every stored
/// message seen at the other side after its catch-up, no duplicates, numbers without gaps, every citizen back on their
/// chat or told it ended; with the breaches the sampler found during the run.
/// </summary>
public static class ChaosVerdict
{
    private sealed record StoredMessage(Guid Id, Guid ChatId, long Seq, string ClientMessageId, string Writer, string Sender);

    private sealed record StoredChat(Guid Id, string State, Guid? AgentId);

    public static async Task<IReadOnlyList<ChaosCheck>> CheckAsync(string database, ChaosJournal journal, IReadOnlyList<ChaosAgent> agents, int citizensBehind, CancellationToken ct)
    {
        var (messages, chats) = await ReadAsync(database, ct);
        var stored = messages.ToDictionary(m => m.Id);
        var byChat = messages.GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.ToList());
        var checks = new List<ChaosCheck>
        {
            Check("acknowledged messages missing from the store", journal.Acks
                .Where(a => !stored.TryGetValue(a.MessageId, out var m) || m.Seq != a.Seq || m.ChatId != a.ChatId)
                .Select(a => $"{a.Party} message {a.MessageId} (chat {a.ChatId}, #{a.Seq}, acknowledged at {a.At:mm\\:ss})")),
        };

        // The citizen's side: after the last catch-up of each chat, every agent message of it.
        var citizenMissing = journal.CaughtUp.SelectMany(c => byChat.GetValueOrDefault(c.Key, [])
            .Where(m => m.Sender == "Agent" && !journal.SeenBy(c.Value, c.Key).Contains(m.Id))
            .Select(m => $"{c.Value} never saw message #{m.Seq} of chat {c.Key}"));

        // The agent's side: for every chat an agent holds at the end, after her catch-up, all of its history.
        var partyOf = agents.ToDictionary(a => a.AgentId, a => a.Party);
        var agentMissing = chats.Where(c => c.State is "Assigned" or "Active" && c.AgentId is not null).SelectMany(c =>
        {
            var party = partyOf.GetValueOrDefault(c.AgentId!.Value, $"agent {c.AgentId}");
            var seen = journal.SeenBy(party, c.Id);
            return byChat.GetValueOrDefault(c.Id, []).Where(m => m.Sender != "System" && !seen.Contains(m.Id)).Select(m => $"{party} holds chat {c.Id} but never saw message #{m.Seq}");
        });
        checks.Add(Check("messages missing at the other side after its catch-up", citizenMissing.Concat(agentMissing)));

        checks.Add(Check("duplicates", messages.GroupBy(m => (m.ChatId, m.Writer, m.ClientMessageId)).Where(g => g.Count() > 1)
            .Select(g => $"chat {g.Key.ChatId}: {g.Count()} stored copies of one message of {g.Key.Writer}")
            .Concat(journal.Breaches.Where(b => b.Text.Contains("twice", StringComparison.Ordinal)).Select(b => b.Text))));

        checks.Add(Check("chats whose numbers have gaps", byChat.Where(c => !c.Value.Select(m => m.Seq).Order().SequenceEqual(Enumerable.Range(1, c.Value.Count).Select(n => (long)n)))
            .Select(c => $"chat {c.Key}: {string.Join(',', c.Value.Select(m => m.Seq).Order().Take(12))}")));

        checks.Add(Sampled("chats held by two agents at once", journal, "two agents"));
        checks.Add(Sampled("agents above capacity", journal, "capacity"));
        checks.Add(Sampled("chats waiting past the limit while an agent had room", journal, "while an agent had room"));
        checks.Add(Sampled("failures the run could not carry out", journal, "could not carry out"));

        var owned = journal.ChatOwners;
        var open = chats.Where(c => c.State is "Queued" or "Assigned" or "Active").Select(c => c.Id).Where(owned.ContainsKey);
        checks.Add(Check("citizens neither back on their chat nor told it ended",
            open.Where(c => !journal.CaughtUp.ContainsKey(c)).Select(c => $"{owned[c]}: chat {c} open, never resumed")
                .Concat(journal.Breaches.Where(b => b.Text.Contains("could not resume", StringComparison.Ordinal)).Select(b => b.Text))
                .Concat(citizensBehind > 0 ? [$"{citizensBehind} citizens did not finish their last step"] : [])));
        journal.Count("messages stored", messages.Count);
        journal.Count("chats stored", chats.Count);
        return checks;
    }

    private static ChaosCheck Check(string name, IEnumerable<string> breaches)
    {
        var all = breaches.ToList();
        return new ChaosCheck(name, all.Count, [.. all.Take(5)]);
    }

    private static ChaosCheck Sampled(string name, ChaosJournal journal, string marker) =>
        Check(name, journal.Breaches.Where(b => b.Text.Contains(marker, StringComparison.Ordinal)).Select(b => $"{b.At:mm\\:ss} {b.Text}"));

    private static async Task<(List<StoredMessage> Messages, List<StoredChat> Chats)> ReadAsync(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        var messages = new List<StoredMessage>();
        await using (var command = new NpgsqlCommand("""SELECT "Id", "ChatId", "Seq", "ClientMessageId", "Writer", "Sender" FROM chat_messages""", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                messages.Add(new StoredMessage(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }
        }

        var chats = new List<StoredChat>();
        await using (var command = new NpgsqlCommand("""SELECT "Id", "State", "AgentId" FROM chats""", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                chats.Add(new StoredChat(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
            }
        }

        return (messages, chats);
    }
}
