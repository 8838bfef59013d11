using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Client.Agents;

/// <summary>The agent side: presence, chats offered and assigned, messages, typing, end and transfer.</summary>
public sealed class AgentHubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    public AgentHubClient(Uri serverUrl, Func<Task<string?>> accessToken, Action<HttpConnectionOptions>? configure = null)
    {
        _connection = HubConnectionFactory.Create(new Uri(serverUrl, HubPaths.Agent), o =>
        {
            o.AccessTokenProvider = accessToken;
            configure?.Invoke(o);
        });
        _connection.On<AgentChat>(nameof(IAgentHubClient.ChatOffered), c =>
        {
            Seen(c.Messages);
            ChatOffered?.Invoke(c);
        });
        _connection.On<ChatRemoved>(nameof(IAgentHubClient.ChatRemoved), r => ChatRemoved?.Invoke(r));
        _connection.On<ChatMessage>(nameof(IAgentHubClient.MessageReceived), Deliver);
        _connection.On(nameof(IAgentHubClient.Resync), () => ResyncAsync());
        _connection.On<TypingSignal>(nameof(IAgentHubClient.Typing), t => Typing?.Invoke(t));
        _connection.On<QueueOverview>(nameof(IAgentHubClient.QueueChanged), q => QueueChanged?.Invoke(q));
        _connection.On<TasksChanged>(nameof(IAgentHubClient.TasksChanged), c => TasksChanged?.Invoke(c));
        _connection.On<ReconnectAdvice>(nameof(IAgentHubClient.Reconnect), _ => Move());
        _connection.Reconnected += async _ =>
        {
            await ComeBackAsync();
            Reconnected?.Invoke();
        };
    }

    /// <summary>The connection is back after a drop or a move to another node, presence and messages caught up.</summary>
    public event Action? Reconnected;

    private async Task ComeBackAsync()
    {
        if (LastPresence is { } presence)
        {
            await SetPresenceAsync(presence);
        }

        await ResyncAsync();
    }

    private readonly CancellationTokenSource _closing = new();
    private int _moving;

    /// <summary>The node drains: reconnect through the load balancer, set the presence again and fetch what was missed.</summary>
    private Task Move()
    {
        if (Interlocked.Exchange(ref _moving, 1) == 1)
        {
            return Task.CompletedTask;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await HubConnectionFactory.MoveAsync(_connection, ComeBackAsync, _closing.Token);
                Reconnected?.Invoke();
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Volatile.Write(ref _moving, 0);
            }
        });
        return Task.CompletedTask;
    }

    private readonly Dictionary<Guid, HashSet<long>> _seen = [];
    private readonly Lock _gate = new();

    public event Action<AgentChat>? ChatOffered;
    public event Action<ChatRemoved>? ChatRemoved;
    public event Action<ChatMessage>? MessageReceived;
    public event Action<TypingSignal>? Typing;
    public event Action<QueueOverview>? QueueChanged;

    /// <summary>A telefonmøde or message of the agent's own kommune was booked or changed.</summary>
    public event Action<TasksChanged>? TasksChanged;

    public Presence? LastPresence { get; private set; }
    public HubConnectionState State => _connection.State;

    public Task ConnectAsync(CancellationToken ct = default) => _connection.StartAsync(ct);

    public async Task<AgentSession> SetPresenceAsync(Presence presence, CancellationToken ct = default)
    {
        var session = await HubConnectionFactory.Invoke(() => _connection.InvokeAsync<AgentSession>("SetPresence", presence, ct));
        LastPresence = presence;
        return session;
    }

    public Task<AgentSession> GetSessionAsync(CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync<AgentSession>("GetSession", ct));

    /// <summary>Accepts a chat offered to this agent, or takes a waiting chat from the queue this agent may answer.</summary>
    public Task<AgentChat> AcceptChatAsync(Guid chatId, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync<AgentChat>("AcceptChat", chatId, ct));

    public Task<AgentChat> GetChatAsync(Guid chatId, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync<AgentChat>("GetChat", chatId, ct));

    /// <summary>
    /// Sends a message. The server sends no copy back to this connection (other connections of mine get one): the
    /// acknowledgement carries the stored message's number, counted as seen so a resync does not raise it.
    /// </summary>
    public async Task<MessageAck> SendAsync(Guid chatId, string text, string? clientMessageId = null, CancellationToken ct = default)
    {
        var ack = await HubConnectionFactory.Invoke(() => _connection.InvokeAsync<MessageAck>("SendMessage", chatId, clientMessageId ?? Guid.NewGuid().ToString("N"), text, ct));
        lock (_gate)
        {
            SeqsOf(chatId).Add(ack.Seq);
        }

        return ack;
    }

    public Task SetTypingAsync(Guid chatId, bool isTyping, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync("SetTyping", chatId, isTyping, ct));

    public Task EndChatAsync(Guid chatId, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync("EndChat", chatId, ct));

    /// <summary>Hands the chat to another available agent, or back to the front of the queue when <paramref name="toAgentId"/> is null.</summary>
    public Task TransferChatAsync(Guid chatId, Guid? toAgentId, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync("TransferChat", chatId, toAgentId, ct));

    /// <summary>Hands the chat to a colleague (or back to the queue) with a handover note she reads as an internal note.</summary>
    public Task TransferChatWithNoteAsync(Guid chatId, Guid? toAgentId, string? note, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync("TransferChatWithNote", chatId, toAgentId, note, ct));

    /// <summary>The colleagues this chat may be handed to now.</summary>
    public Task<IReadOnlyList<TransferTarget>> GetTransferTargetsAsync(Guid chatId, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync<IReadOnlyList<TransferTarget>>("GetTransferTargets", chatId, ct));

    /// <summary>Adds an internal note (staff only) to a chat assigned to me.</summary>
    public Task<ChatNote> AddNoteAsync(Guid chatId, string text, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync<ChatNote>("AddNote", chatId, text, ct));

    public Task<IReadOnlyList<ChatNote>> GetNotesAsync(Guid chatId, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync<IReadOnlyList<ChatNote>>("GetNotes", chatId, ct));

    public Task<QueueOverview> GetQueueAsync(CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync<QueueOverview>("GetQueue", ct));

    /// <summary>Fetches my chats and raises <see cref="MessageReceived"/> for every stored message not seen yet.</summary>
    public async Task ResyncAsync(CancellationToken ct = default)
    {
        var session = await GetSessionAsync(ct);
        foreach (var message in session.Chats.SelectMany(c => c.Messages).OrderBy(m => m.Seq))
        {
            Deliver(message);
        }
    }

    public Task StopAsync(CancellationToken ct = default) => _connection.StopAsync(ct);

    private void Seen(IEnumerable<ChatMessage> messages)
    {
        lock (_gate)
        {
            foreach (var message in messages)
            {
                SeqsOf(message.ChatId).Add(message.Seq);
            }
        }
    }

    private void Deliver(ChatMessage message)
    {
        lock (_gate)
        {
            if (!SeqsOf(message.ChatId).Add(message.Seq))
            {
                return;
            }
        }

        MessageReceived?.Invoke(message);
    }

    private HashSet<long> SeqsOf(Guid chatId)
    {
        if (!_seen.TryGetValue(chatId, out var seqs))
        {
            _seen[chatId] = seqs = [];
        }

        return seqs;
    }

    public async ValueTask DisposeAsync()
    {
        // Not disposed: a second DisposeAsync (the test and its server both own the client) cancels again harmlessly.
        await _closing.CancelAsync();
        await _connection.DisposeAsync();
    }
}
