using SharedHotline.Client;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Load.Chaos;

/// <summary>
/// A citizen of a chaos run: starts a chat, writes at the run's pace, sometimes closes the page and comes back, sometimes
/// ends the chat and starts another; resends a message with its own id until it is acknowledged. One chat per page
/// instance, as in the browser.
/// </summary>
public sealed class ChaosCitizen(int index, Uri address, ChaosOptions options, ChaosJournal journal)
{
    private readonly Random _random = new(options.Seed * 1000 + index);
    private CitizenHubClient? _client;
    private Guid _clientId;
    private string? _token;
    private Guid _chatId;
    private volatile bool _ended;
    private int _written;

    public string Party { get; } = $"citizen{index}";

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await EnsureChatAsync(stop);
                await Task.Delay(ChaosPace.Next(_random, options.MessageEvery), stop);
                var roll = _random.NextDouble();
                if (_ended)
                {
                    await FinishChatAsync(stop);
                }
                else if (roll < 0.03)
                {
                    await LeaveAndComeBackAsync(stop);
                }
                else if (roll < 0.045 && _written >= 4)
                {
                    await ChaosPace.UntilDoneAsync(() => Client.EndChatAsync(stop), journal, "citizen end", stop, () => EnsureConnectedAsync(stop));
                    await FinishChatAsync(stop);
                }
                else
                {
                    await SendAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>At the end of the run: back on the chat, caught up from the last message seen. False when that failed.</summary>
    public async Task<bool> CatchUpAsync(CancellationToken ct)
    {
        if (_token is null)
        {
            return true;
        }

        try
        {
            await EnsureConnectedAsync(ct);
            var chat = await ChaosPace.UntilDoneAsync(() => Client.ResumeAsync(_token, ct), journal, "citizen catch-up", ct, () => EnsureConnectedAsync(ct));
            journal.SawHistory(Party, chat.Messages);
            journal.CitizenCaughtUp(Party, _chatId);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            journal.Breach($"{Party} could not resume chat {_chatId} at the end: {ex.GetType().Name}");
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }

    private CitizenHubClient Client => _client ?? throw new InvalidOperationException("Not connected.");

    private async Task EnsureChatAsync(CancellationToken stop)
    {
        if (_token is not null)
        {
            await EnsureConnectedAsync(stop);
            return;
        }

        await EnsureConnectedAsync(stop);
        var kommune = options.Kommuner[_random.Next(options.Kommuner.Count)];
        var result = await ChaosPace.UntilDoneAsync(() => Client.StartChatAsync(new StartChatRequest(kommune, "pas"), stop), journal, "start chat", stop, () => EnsureConnectedAsync(stop));
        if (result.Chat is not { } chat)
        {
            journal.Breach($"{Party} found the hotline closed for {kommune} in a shared slot");
            await Task.Delay(TimeSpan.FromSeconds(5), stop);
            return;
        }

        (_token, _chatId, _ended, _written) = (chat.SessionToken, chat.ChatId, false, 0);
        journal.Started(Party, chat.ChatId);
    }

    /// <summary>A page of its own: a new connection, and on it the chat resumed from the start, as after a reload.</summary>
    private async Task EnsureConnectedAsync(CancellationToken stop)
    {
        if (_client is { State: not Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Disconnected })
        {
            return;
        }

        if (_client is not null)
        {
            journal.Count("citizen pages reopened after their connection gave up");
            await _client.DisposeAsync();
        }

        var client = new CitizenHubClient(address);
        var clientId = Guid.NewGuid();
        client.MessageReceived += m => journal.Received(Party, clientId, m);
        client.StateChanged += s =>
        {
            if (s.ChatId == _chatId && s.Status is ChatStatus.Ended or ChatStatus.Abandoned)
            {
                _ended = true;
            }
        };
        client.Reconnected += () => journal.Count("citizen reconnects");
        (_client, _clientId) = (client, clientId);
        await ChaosPace.UntilDoneAsync(() => client.ConnectAsync(stop), journal, "citizen connect", stop);
        if (_token is not null)
        {
            var chat = await ChaosPace.UntilDoneAsync(() => client.ResumeAsync(_token, stop), journal, "citizen resume", stop);
            journal.SawHistory(Party, chat.Messages);
            _ended = chat.Status is ChatStatus.Ended or ChatStatus.Abandoned;
        }
    }

    private async Task SendAsync(CancellationToken stop)
    {
        var id = Guid.NewGuid().ToString("N");
        var text = $"{Party} besked {++_written}";
        try
        {
            var ack = await ChaosPace.UntilDoneAsync(() => Client.SendAsync(text, id, stop), journal, "citizen send", stop, () => EnsureConnectedAsync(stop));
            journal.Acked(Party, _clientId, ack);
        }
        catch (HotlineHubException ex) when (ex.Code is HubErrorCodes.ChatEnded or HubErrorCodes.ChatNotFound or HubErrorCodes.SessionInvalid)
        {
            _ended = true;
        }
    }

    /// <summary>The chat is over: the page catches up on its last messages, then the citizen starts a new chat in a new page.</summary>
    private async Task FinishChatAsync(CancellationToken stop)
    {
        await CatchUpAsync(stop);
        await Client.DisposeAsync();
        (_client, _token) = (null, null);
        journal.Count("chats finished by citizens");
    }

    private async Task LeaveAndComeBackAsync(CancellationToken stop)
    {
        journal.Count("citizens left and came back");
        await Client.DisposeAsync();
        _client = null;
        await Task.Delay(TimeSpan.FromSeconds(2 + _random.Next(5)), stop);
        await EnsureConnectedAsync(stop);
    }
}
