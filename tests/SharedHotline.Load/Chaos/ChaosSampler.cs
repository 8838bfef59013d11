using Npgsql;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Load.Chaos;

/// <summary>
/// Once a second, while the failures go on: what each agent's console is told she holds, and what the database says is
/// waiting. A chat that two agents are told they hold in two samples running (one sample can straddle a transfer), an
/// agent or a database row above capacity, and a chat waiting longer than the limit while an agent had room, are breaches.
/// </summary>
public sealed class ChaosSampler(IReadOnlyList<ChaosAgent> agents, string database, ChaosOptions options, ChaosJournal journal)
{
    private readonly Dictionary<Guid, TimeSpan> _waitingWithRoomSince = [];
    private readonly HashSet<Guid> _reported = [];
    private HashSet<Guid> _heldTwiceBefore = [];

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
                await SampleAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task SampleAsync(CancellationToken stop)
    {
        var sessions = (await Task.WhenAll(agents.Select(a => SessionOfAsync(a, stop)))).OfType<AgentSession>().ToList();
        var now = journal.Now;
        journal.Count("samples");
        foreach (var session in sessions.Where(s => s.Chats.Count > s.Capacity))
        {
            journal.Breach($"{session.DisplayName} held {session.Chats.Count} chats with a capacity of {session.Capacity}");
        }

        var heldTwice = sessions.SelectMany(s => s.Chats.Select(c => c.ChatId)).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        foreach (var chat in heldTwice.Intersect(_heldTwiceBefore).Where(_reported.Add))
        {
            journal.Breach($"chat {chat} was held by two agents in two samples running");
        }

        _heldTwiceBefore = heldTwice;
        var open = await OpenChatsAsync(stop);
        if (open is null)
        {
            return;
        }

        foreach (var held in open.Where(c => c.AgentId is not null).GroupBy(c => c.AgentId!.Value))
        {
            if (held.Count() > options.AgentCapacity && _reported.Add(held.Key))
            {
                // What her console was told she holds, beside the database's rows, names the chats the two disagree on.
                var told = sessions.FirstOrDefault(s => s.AgentId == held.Key)?.Chats.Select(c => c.ChatId).ToHashSet();
                var rows = string.Join(", ", held.Select(c => $"{c.Id} {c.State} v{c.Version}{(told is null ? "" : told.Contains(c.Id) ? "" : " (not in her session)")}"));
                journal.Breach($"the database gave agent {held.Key} {held.Count()} chats with a capacity of {options.AgentCapacity}: {rows}");
            }
        }

        // Each load-test agent is rostered on every turn with every skill: one with room may answer any waiting chat.
        var room = sessions.Any(s => s.Presence == Presence.Available && s.Chats.Count < s.Capacity);
        var waiting = open.Where(c => c.State == "Queued").Select(c => c.Id).ToHashSet();
        foreach (var gone in _waitingWithRoomSince.Keys.Where(id => !waiting.Contains(id) || !room).ToList())
        {
            _waitingWithRoomSince.Remove(gone);
        }

        if (!room)
        {
            return;
        }

        foreach (var chat in waiting)
        {
            var since = _waitingWithRoomSince.TryGetValue(chat, out var s) ? s : _waitingWithRoomSince[chat] = now;
            if (now - since > options.WaitLimit && _reported.Add(chat))
            {
                journal.Breach($"chat {chat} waited more than {options.WaitLimit.TotalSeconds:F0} s while an agent had room");
            }
        }
    }

    private static async Task<AgentSession?> SessionOfAsync(ChaosAgent agent, CancellationToken stop)
    {
        if (agent.Console is not { State: Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected } console)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            return await console.GetSessionAsync(timeout.Token);
        }
        catch (Exception) when (!stop.IsCancellationRequested)
        {
            // A console between nodes or a paused database: no answer in this sample.
            return null;
        }
    }

    private sealed record OpenChat(Guid Id, Guid? AgentId, string State, long Version);

    private async Task<List<OpenChat>?> OpenChatsAsync(CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("""SELECT "Id", "AgentId", "State", "Version" FROM chats WHERE "State" IN ('Queued', 'Assigned', 'Active')""", connection);
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            var chats = new List<OpenChat>();
            while (await reader.ReadAsync(timeout.Token))
            {
                chats.Add(new OpenChat(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3)));
            }

            return chats;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !stop.IsCancellationRequested)
        {
            // The database is paused: no sample from it this second.
            return null;
        }
    }
}
