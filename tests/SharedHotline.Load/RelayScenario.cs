using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace SharedHotline.Load;

/// <summary>
/// The bare-framework baseline: the same number of pairs and the same rate through a relay hub that only
/// forwards a message to one connection (no routing, no persistence), hosted by the same server.
/// </summary>
public sealed class RelayScenario(LoadOptions options, Action<string> progress, LatencyRecorder? citizenToAgent = null, LatencyRecorder? agentToCitizen = null)
{
    private readonly LatencyRecorder _citizenToAgent = citizenToAgent ?? new();
    private readonly LatencyRecorder _agentToCitizen = agentToCitizen ?? new();
    private int _errors;

    public async Task<ScenarioResult> RunAsync(CancellationToken ct)
    {
        var agents = new List<(HubConnection Connection, string Id)>();
        for (var i = 0; i < options.Agents; i++)
        {
            agents.Add(await ConnectAsync(options.AgentUrl, _citizenToAgent, ct));
        }

        var citizens = new List<(HubConnection Connection, string Id)>();
        for (var i = 0; i < options.Citizens; i++)
        {
            citizens.Add(await ConnectAsync(options.CitizenUrl, _agentToCitizen, ct));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var senders = citizens.SelectMany((c, i) =>
        {
            var agent = agents[i % agents.Count];
            return new[] { WriteAsync(c.Connection, agent.Id, _citizenToAgent, stop.Token), WriteAsync(agent.Connection, c.Id, _agentToCitizen, stop.Token) };
        }).ToList();

        await Task.Delay(LoadHelpers.WarmUp, ct);
        _citizenToAgent.StartMeasuring();
        _agentToCitizen.StartMeasuring();
        var before = await LoadHelpers.ServerFiguresAsync(options.CitizenUrl, collect: false);
        var measuring = Stopwatch.GetTimestamp();
        for (var s = 1; s <= options.Duration.TotalSeconds; s++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            progress($"  {s,3} s  relay a->b {_citizenToAgent.Stats().Count,7}  b->a {_agentToCitizen.Stats().Count,7}  errors {_errors}");
        }

        var measured = LoadHelpers.Seconds(measuring);
        _citizenToAgent.StopMeasuring();
        _agentToCitizen.StopMeasuring();
        await stop.CancelAsync();
        await Task.WhenAll(senders.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        var after = await LoadHelpers.ServerFiguresAsync(options.CitizenUrl, collect: false);
        foreach (var (connection, _) in agents.Concat(citizens))
        {
            await connection.DisposeAsync();
        }

        var none = LatencyStats.From([]);
        return new ScenarioResult(LoadMode.Relay, citizens.Count, _citizenToAgent.Stats(), _agentToCitizen.Stats(), none, none, 0, _errors, measured, before, after);
    }

    private static async Task<(HubConnection, string)> ConnectAsync(Uri server, LatencyRecorder inbound, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/relay")).Build();
        connection.On<string, string>("Receive", (id, _) => inbound.Received(id));
        await connection.StartAsync(ct);
        return (connection, await connection.InvokeAsync<string>("Register", ct));
    }

    private async Task WriteAsync(HubConnection from, string to, LatencyRecorder outbound, CancellationToken ct)
    {
        var interval = LoadHelpers.Interval(options.MessagesPerSecondPerSide);
        await LoadHelpers.Stagger(interval, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            await LoadHelpers.Pace(interval, ct);
            var id = Guid.NewGuid().ToString("N");
            outbound.Sent(id);
            try
            {
                await from.InvokeAsync("Send", to, id, LoadHelpers.Text(n), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }
}
