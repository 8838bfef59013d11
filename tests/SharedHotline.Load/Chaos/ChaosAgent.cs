using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using SharedHotline.Client;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Load.Chaos;

/// <summary>
/// An agent of a chaos run: available, accepts what she is offered, writes in each chat at the run's pace, and now and
/// then ends a chat or hands it back to the queue. Her console opens a new connection when the old one gave up.
/// </summary>
public sealed class ChaosAgent(int index, Uri address, ChaosOptions options, ChaosJournal journal)
{
    private readonly Random _random = new(options.Seed * 1000 + 500 + index);
    private readonly ConcurrentDictionary<Guid, int> _held = new();
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private AgentHubClient? _client;
    private Guid _clientId;
    private string? _token;

    public string Party { get; } = $"agent{index}";
    public Guid AgentId { get; private set; }

    /// <summary>The console as it is now; null while it opens a new connection.</summary>
    public AgentHubClient? Console => _client;

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await EnsureConnectedAsync(stop);
                await Task.Delay(ChaosPace.Next(_random, options.MessageEvery / Math.Max(1, _held.Count)), stop);
                var held = _held.Keys.ToList();
                if (held.Count == 0)
                {
                    continue;
                }

                var chatId = held[_random.Next(held.Count)];
                var roll = _random.NextDouble();
                var written = _held.GetValueOrDefault(chatId);
                if (roll < 0.04 && written >= 4)
                {
                    await RefusableAsync(chatId, () => Client.EndChatAsync(chatId, stop), "agent end", stop);
                    _held.TryRemove(chatId, out _);
                    journal.Count("chats ended by agents");
                }
                else if (roll < 0.055 && written >= 2)
                {
                    await RefusableAsync(chatId, () => Client.TransferChatAsync(chatId, null, stop), "agent transfer", stop);
                    _held.TryRemove(chatId, out _);
                    journal.Count("chats handed back to the queue");
                }
                else
                {
                    await SendAsync(chatId, written + 1, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>At the end of the run: connected, and every stored message of her chats fetched.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await EnsureConnectedAsync(ct);
        await ChaosPace.UntilDoneAsync(() => Client.ResyncAsync(ct), journal, "agent catch-up", ct, () => EnsureConnectedAsync(ct));
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }

    private AgentHubClient Client => _client ?? throw new InvalidOperationException("Not connected.");

    private async Task SendAsync(Guid chatId, int n, CancellationToken stop)
    {
        var id = Guid.NewGuid().ToString("N");
        var ack = await RefusableAsync(chatId, () => Client.SendAsync(chatId, $"{Party} svar {n}", id, stop), "agent send", stop);
        if (ack is not null)
        {
            journal.Acked(Party, _clientId, ack);
            _held[chatId] = n;
        }
    }

    /// <summary>A call on one of her chats: a refusal because the chat is no longer hers (ended, taken back) lets it go.</summary>
    private async Task<T?> RefusableAsync<T>(Guid chatId, Func<Task<T>> call, string what, CancellationToken stop)
        where T : class
    {
        try
        {
            return await ChaosPace.UntilDoneAsync(call, journal, what, stop, () => EnsureConnectedAsync(stop));
        }
        catch (HotlineHubException ex) when (ex.Code is HubErrorCodes.ChatEnded or HubErrorCodes.ChatNotFound or HubErrorCodes.ChatNotAccessible or HubErrorCodes.ChatNotAccepted)
        {
            _held.TryRemove(chatId, out _);
            journal.Count($"{what} refused: {ex.Code}");
            return null;
        }
    }

    private Task<string?> RefusableAsync(Guid chatId, Func<Task> call, string what, CancellationToken stop) =>
        RefusableAsync(chatId, async () =>
        {
            await call();
            return string.Empty;
        }, what, stop);

    private async Task EnsureConnectedAsync(CancellationToken ct)
    {
        if (_client is { State: not HubConnectionState.Disconnected })
        {
            return;
        }

        await _connecting.WaitAsync(ct);
        try
        {
            if (_client is { State: not HubConnectionState.Disconnected })
            {
                return;
            }

            if (_client is not null)
            {
                journal.Count("agent consoles reopened after their connection gave up");
                await _client.DisposeAsync();
            }

            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
            _token ??= await ChaosPace.UntilDoneAsync(() => StaffSignIn.GetTokenAsync(http, $"load.agent{index}", options.Password, ct), journal, "agent sign-in", ct);
            var client = new AgentHubClient(address, () => Task.FromResult<string?>(_token));
            var clientId = Guid.NewGuid();
            client.MessageReceived += m => journal.Received(Party, clientId, m);
            client.ChatOffered += chat =>
            {
                journal.SawHistory(Party, chat.Messages);
                _ = Task.Run(() => AcceptAsync(client, chat.ChatId, ct), ct);
            };
            client.ChatRemoved += removed => _held.TryRemove(removed.ChatId, out _);
            client.Reconnected += () =>
            {
                journal.Count("agent reconnects");
                _ = Task.Run(() => AdoptSessionAsync(client, ct), ct);
            };
            (_client, _clientId) = (client, clientId);
            await ChaosPace.UntilDoneAsync(() => client.ConnectAsync(ct), journal, "agent connect", ct);
            var session = await ChaosPace.UntilDoneAsync(() => client.SetPresenceAsync(Presence.Available, ct), journal, "agent presence", ct);
            AgentId = session.AgentId;
            Adopt(session);
        }
        finally
        {
            _connecting.Release();
        }
    }

    private async Task AcceptAsync(AgentHubClient client, Guid chatId, CancellationToken ct)
    {
        try
        {
            var chat = await ChaosPace.UntilDoneAsync(() => client.AcceptChatAsync(chatId, ct), journal, "agent accept", ct);
            journal.SawHistory(Party, chat.Messages);
            _held.TryAdd(chatId, 0);
            journal.Count("chats accepted");
        }
        catch (HotlineHubException ex)
        {
            journal.Count($"accept refused: {ex.Code}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            journal.Count($"accept failed: {ex.GetType().Name}");
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    /// <summary>After a reconnect: the chats the server says are hers are the ones she writes in.</summary>
    private async Task AdoptSessionAsync(AgentHubClient client, CancellationToken ct)
    {
        try
        {
            Adopt(await client.GetSessionAsync(ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            journal.Count($"session after reconnect failed: {ex.GetType().Name}");
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private void Adopt(AgentSession session)
    {
        foreach (var chat in session.Chats)
        {
            journal.SawHistory(Party, chat.Messages);
            if (chat.Status == ChatStatus.Assigned)
            {
                // Offered while her connection was away: she accepts it now, as the console's offer dialog would ask her.
                _ = Task.Run(() => AcceptAsync(Client, chat.ChatId, CancellationToken.None));
            }
            else
            {
                _held.TryAdd(chat.ChatId, 0);
            }
        }

        foreach (var gone in _held.Keys.Except(session.Chats.Select(c => c.ChatId)))
        {
            _held.TryRemove(gone, out _);
        }
    }
}
