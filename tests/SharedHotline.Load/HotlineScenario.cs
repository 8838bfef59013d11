using System.Collections.Concurrent;
using System.Diagnostics;
using SharedHotline.Client;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Load;

/// <summary>
/// Citizens of several kommuner open chats through routing; load-test agents accept up to capacity; both
/// sides then write at the given rate. Latency is measured from send to receipt on the other side.
/// </summary>
public sealed class HotlineScenario(LoadOptions options, Action<string> progress, LatencyRecorder? citizenToAgent = null, LatencyRecorder? agentToCitizen = null)
{
    private readonly LatencyRecorder _citizenToAgent = citizenToAgent ?? new();
    private readonly LatencyRecorder _agentToCitizen = agentToCitizen ?? new();
    private readonly ConcurrentBag<double> _routingMs = [];
    private readonly ConcurrentBag<double> _queueWaitMs = [];
    private readonly List<Task> _senders = [];
    private readonly Lock _gate = new();
    private int _errors;

    public async Task<ScenarioResult> RunAsync(CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var agents = await ConnectAgentsAsync(stop.Token);
        var started = Stopwatch.GetTimestamp();
        var citizens = await Task.WhenAll(Enumerable.Range(0, options.Citizens).Select(i => StartCitizenAsync(i, stop.Token)));
        var routedSeconds = LoadHelpers.Seconds(started);
        var startedChats = citizens.Count(c => c is not null);
        for (var wait = 0; _queueWaitMs.Count < startedChats && wait < 600; wait++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        progress($"{startedChats} chats started in {routedSeconds:F1} s, {_queueWaitMs.Count} accepted; warming up, then measuring for {options.Duration.TotalSeconds:F0} s");
        await Task.Delay(LoadHelpers.WarmUp, ct);
        _citizenToAgent.StartMeasuring();
        _agentToCitizen.StartMeasuring();
        var before = await LoadHelpers.ServerFiguresAsync(options.CitizenUrl, collect: false);
        var measuring = Stopwatch.GetTimestamp();
        for (var s = 1; s <= options.Duration.TotalSeconds; s++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            progress($"  {s,3} s  citizen->agent {_citizenToAgent.Stats().Count,7}  agent->citizen {_agentToCitizen.Stats().Count,7}  errors {_errors}");
        }

        var measured = LoadHelpers.Seconds(measuring);
        _citizenToAgent.StopMeasuring();
        _agentToCitizen.StopMeasuring();
        await stop.CancelAsync();
        Task[] senders;
        lock (_gate)
        {
            senders = [.. _senders];
        }

        await Task.WhenAll(senders.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        var after = await LoadHelpers.ServerFiguresAsync(options.CitizenUrl, collect: false);
        foreach (var citizen in citizens.OfType<CitizenHubClient>())
        {
            await Safe(() => citizen.EndChatAsync());
            await citizen.DisposeAsync();
        }

        foreach (var agent in agents)
        {
            await agent.DisposeAsync();
        }

        return new ScenarioResult(
            LoadMode.Hotline,
            citizens.Count(c => c is not null),
            _citizenToAgent.Stats(),
            _agentToCitizen.Stats(),
            LatencyStats.From([.. _routingMs]),
            LatencyStats.From([.. _queueWaitMs]),
            _routingMs.Count / Math.Max(0.001, routedSeconds),
            _errors,
            measured,
            before,
            after);
    }

    private async Task<List<AgentHubClient>> ConnectAgentsAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = options.AgentUrl };
        var agents = new List<AgentHubClient>();
        for (var i = 1; i <= options.Agents; i++)
        {
            var token = await StaffSignIn.GetTokenAsync(http, $"load.agent{i}", options.Password, ct);
            var agent = new AgentHubClient(options.AgentUrl, () => Task.FromResult<string?>(token));
            agent.MessageReceived += m =>
            {
                if (m.Sender == Sender.Citizen)
                {
                    _citizenToAgent.Received(m.ClientMessageId);
                }
            };
            agent.ChatOffered += chat => Track(Safe(() => AcceptAndWriteAsync(agent, chat.ChatId, ct)));
            await agent.ConnectAsync(ct);
            await agent.SetPresenceAsync(Presence.Available, ct);
            agents.Add(agent);
        }

        return agents;
    }

    private async Task AcceptAndWriteAsync(AgentHubClient agent, Guid chatId, CancellationToken ct)
    {
        await agent.AcceptChatAsync(chatId, ct);
        var interval = LoadHelpers.Interval(options.MessagesPerSecondPerSide);
        await Safe(() => LoadHelpers.Stagger(interval, ct));
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            await LoadHelpers.Pace(interval, ct);
            var id = Guid.NewGuid().ToString("N");
            _agentToCitizen.Sent(id);
            await Safe(() => agent.SendAsync(chatId, LoadHelpers.Text(n), id, ct));
        }
    }

    private async Task<CitizenHubClient?> StartCitizenAsync(int index, CancellationToken ct)
    {
        var citizen = new CitizenHubClient(options.CitizenUrl);
        var start = Stopwatch.GetTimestamp();
        var routed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var active = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        citizen.StateChanged += s =>
        {
            if (s.Status is ChatStatus.Assigned or ChatStatus.Active)
            {
                routed.TrySetResult();
            }

            if (s.Status == ChatStatus.Active)
            {
                active.TrySetResult();
            }
        };
        citizen.MessageReceived += m =>
        {
            if (m.Sender == Sender.Agent)
            {
                _agentToCitizen.Received(m.ClientMessageId);
            }
        };
        try
        {
            await citizen.ConnectAsync(ct);
            var kommune = options.Kommuner[index % options.Kommuner.Count];
            var result = await citizen.StartChatAsync(new StartChatRequest(kommune, "pas", "Belastning"), ct);
            if (result.Chat is not { } chat)
            {
                throw new InvalidOperationException($"The hotline is closed for {kommune}; start the server with Hotline:Clock:StartAt in a shared slot.");
            }

            if (chat.Status is ChatStatus.Assigned or ChatStatus.Active)
            {
                routed.TrySetResult();
            }

            Track(MeasureAndWriteAsync(citizen, start, routed.Task, active.Task, ct));
            return citizen;
        }
        catch (Exception ex) when (ex is HotlineHubException or HttpRequestException or InvalidOperationException)
        {
            Interlocked.Increment(ref _errors);
            progress($"citizen {index}: {ex.Message}");
            await citizen.DisposeAsync();
            return null;
        }
    }

    private async Task MeasureAndWriteAsync(CitizenHubClient citizen, long start, Task routed, Task active, CancellationToken ct)
    {
        await routed.WaitAsync(ct);
        _routingMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        await active.WaitAsync(ct);
        _queueWaitMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        var interval = LoadHelpers.Interval(options.MessagesPerSecondPerSide);
        await Safe(() => LoadHelpers.Stagger(interval, ct));
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            await LoadHelpers.Pace(interval, ct);
            var id = Guid.NewGuid().ToString("N");
            _citizenToAgent.Sent(id);
            await Safe(() => citizen.SendAsync(LoadHelpers.Text(n), id, ct));
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _senders.Add(task);
        }
    }

    private async Task Safe(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
        catch (Exception ex) when (ex is HotlineHubException or InvalidOperationException or HttpRequestException)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
