using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Client.Citizens;

/// <summary>
/// The citizen side of the hotline. Keeps the session token and the last sequence number seen, and after
/// any reconnect resumes the chat and replays what was missed, so no stored message goes unseen.
/// </summary>
public sealed class CitizenHubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private readonly HashSet<long> _seen = [];
    private long _contiguousSeq;

    public CitizenHubClient(Uri serverUrl, Action<HttpConnectionOptions>? configure = null)
    {
        _connection = HubConnectionFactory.Create(new Uri(serverUrl, HubPaths.Citizen), configure);
        _connection.On<ChatMessage>(nameof(ICitizenHubClient.MessageReceived), Deliver);
        _connection.On<QueueStatus>(nameof(ICitizenHubClient.QueueUpdated), s => QueueUpdated?.Invoke(s));
        _connection.On<ChatStateChanged>(nameof(ICitizenHubClient.ChatStateChanged), c => StateChanged?.Invoke(c));
        _connection.On<TypingSignal>(nameof(ICitizenHubClient.Typing), t => Typing?.Invoke(t));
        _connection.On<CaseChanged>(nameof(ICitizenHubClient.CaseChanged), c => CaseChanged?.Invoke(c));
        _connection.On(nameof(ICitizenHubClient.Resync), async () =>
        {
            if (SessionToken is not null)
            {
                await ResumeAsync(SessionToken);
            }
        });
        _connection.On<ReconnectAdvice>(nameof(ICitizenHubClient.Reconnect), _ => Move());
        _connection.Reconnecting += _ =>
        {
            Reconnecting?.Invoke();
            return Task.CompletedTask;
        };
        _connection.Reconnected += async _ =>
        {
            if (SessionToken is not null)
            {
                await ResumeAsync(SessionToken);
            }

            Reconnected?.Invoke();
        };
    }

    public event Action<ChatMessage>? MessageReceived;
    public event Action<QueueStatus>? QueueUpdated;
    public event Action<ChatStateChanged>? StateChanged;
    public event Action<TypingSignal>? Typing;

    /// <summary>A case followed with <see cref="FollowCaseAsync"/> changed.</summary>
    public event Action<CaseChanged>? CaseChanged;
    public event Action? Reconnecting;
    public event Action? Reconnected;

    public string? SessionToken { get; private set; }
    public Guid? ChatId { get; private set; }
    public HubConnectionState State => _connection.State;

    /// <summary>The highest sequence number up to which every message has been seen: the replay point.</summary>
    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _contiguousSeq;
            }
        }
    }

    public Task ConnectAsync(CancellationToken ct = default) => _connection.StartAsync(ct);

    public async Task<StartChatResult> StartChatAsync(StartChatRequest request, CancellationToken ct = default)
    {
        var result = await HubConnectionFactory.Invoke(() => _connection.InvokeAsync<StartChatResult>("StartChat", request, ct));
        if (result.Chat is { } chat)
        {
            Adopt(chat);
        }

        return result;
    }

    /// <summary>Binds this connection to an existing chat and replays messages after the last one seen.</summary>
    public async Task<CitizenChat> ResumeAsync(string sessionToken, CancellationToken ct = default)
    {
        var chat = await HubConnectionFactory.Invoke(() => _connection.InvokeAsync<CitizenChat>("ResumeChat", sessionToken, LastSeq, ct));
        Adopt(chat);
        return chat;
    }

    /// <summary>
    /// Sends a message; pass the same <paramref name="clientMessageId"/> to resend after a failure. The server sends
    /// no copy back to this connection: the acknowledgement carries the stored message's number, counted as seen.
    /// </summary>
    public async Task<MessageAck> SendAsync(string text, string? clientMessageId = null, CancellationToken ct = default)
    {
        var ack = await HubConnectionFactory.Invoke(() => _connection.InvokeAsync<MessageAck>("SendMessage", RequireToken(), clientMessageId ?? Guid.NewGuid().ToString("N"), text, ct));
        lock (_gate)
        {
            Observe(ack.Seq);
        }

        return ack;
    }

    public Task SetTypingAsync(bool isTyping, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync("SetTyping", RequireToken(), isTyping, ct));

    public Task EndChatAsync(CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync("EndChat", RequireToken(), ct));

    /// <summary>Follows a telefonmøde or message by its reference and the secret of its status link (<c>case_not_found</c> otherwise).</summary>
    public Task FollowCaseAsync(string kommune, string reference, string token, CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync("FollowCase", kommune, reference, token, ct));

    /// <summary>The whole stored history, e.g. for a transcript.</summary>
    public Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(CancellationToken ct = default) =>
        HubConnectionFactory.Invoke(() => _connection.InvokeAsync<IReadOnlyList<ChatMessage>>("GetHistory", RequireToken(), ct));

    public Task StopAsync(CancellationToken ct = default) => _connection.StopAsync(ct);

    public async ValueTask DisposeAsync()
    {
        // Not disposed: a second DisposeAsync (the test and its server both own the client) cancels again harmlessly.
        await _closing.CancelAsync();
        await _connection.DisposeAsync();
    }

    private readonly CancellationTokenSource _closing = new();
    private int _moving;

    /// <summary>The node drains: reconnect through the load balancer and resume after the last number seen.</summary>
    private Task Move()
    {
        if (Interlocked.Exchange(ref _moving, 1) == 1)
        {
            return Task.CompletedTask;
        }

        Reconnecting?.Invoke();
        _ = Task.Run(async () =>
        {
            try
            {
                await HubConnectionFactory.MoveAsync(_connection, async () =>
                {
                    if (SessionToken is not null)
                    {
                        await ResumeAsync(SessionToken, _closing.Token);
                    }
                }, _closing.Token);
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

    private void Adopt(CitizenChat chat)
    {
        SessionToken = chat.SessionToken;
        ChatId = chat.ChatId;
        foreach (var message in chat.Messages)
        {
            Deliver(message);
        }
    }

    private void Deliver(ChatMessage message)
    {
        lock (_gate)
        {
            if (!Observe(message.Seq))
            {
                return;
            }
        }

        MessageReceived?.Invoke(message);
    }

    /// <summary>Counts a sequence number as seen (under the gate); false when it was seen before.</summary>
    private bool Observe(long seq)
    {
        if (seq <= _contiguousSeq || !_seen.Add(seq))
        {
            return false;
        }

        while (_seen.Remove(_contiguousSeq + 1))
        {
            _contiguousSeq++;
        }

        return true;
    }

    private string RequireToken() =>
        SessionToken ?? throw new InvalidOperationException("Start or resume a chat first.");
}
