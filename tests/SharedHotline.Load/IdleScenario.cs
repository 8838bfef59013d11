using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using SharedHotline.Client;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Load;

/// <summary>
/// Opens N idle citizen connections (connected, no chat), reads the server's managed heap before and after
/// a full collection, then times a new chat from start until it is offered to an agent.
/// </summary>
public sealed class IdleScenario(LoadOptions options, Action<string> progress)
{
    /// <summary>
    /// One socket per idle citizen, as from a browser tab: with negotiation, each client's own HTTP connection
    /// pool would keep a second socket open and the test would hit the file limit at half the connections.
    /// </summary>
    private static void WebSocketOnly(HttpConnectionOptions o)
    {
        o.SkipNegotiation = true;
        o.Transports = HttpTransportType.WebSockets;
    }

    public async Task<IdleResult> RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = options.AgentUrl };
        var token = await StaffSignIn.GetTokenAsync(http, "load.agent1", options.Password, ct);
        await using var agent = new AgentHubClient(options.AgentUrl, () => Task.FromResult<string?>(token));
        var offered = new TaskCompletionSource<AgentChat>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.ChatOffered += c => offered.TrySetResult(c);
        await agent.ConnectAsync(ct);
        await agent.SetPresenceAsync(Presence.Available, ct);

        var before = await LoadHelpers.ServerFiguresAsync(options.CitizenUrl, collect: true) ?? throw new InvalidOperationException("Start the server with Hotline:LoadTest:Enabled=true.");
        var idle = new List<CitizenHubClient>(options.IdleConnections);
        try
        {
            for (var i = 0; i < options.IdleConnections; i += 100)
            {
                var batch = Enumerable.Range(0, Math.Min(100, options.IdleConnections - i)).Select(_ => new CitizenHubClient(options.CitizenUrl, WebSocketOnly)).ToList();
                await Task.WhenAll(batch.Select(c => c.ConnectAsync(ct)));
                idle.AddRange(batch);
                if (idle.Count % 1000 == 0)
                {
                    progress($"  {idle.Count} idle connections");
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var after = await LoadHelpers.ServerFiguresAsync(options.CitizenUrl, collect: true) ?? before;
            await using var citizen = new CitizenHubClient(options.CitizenUrl);
            await citizen.ConnectAsync(ct);
            var start = Stopwatch.GetTimestamp();
            await citizen.StartChatAsync(new StartChatRequest(options.Kommuner[0], "pas"), ct);
            await offered.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            var answered = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            await citizen.EndChatAsync(ct);
            if (options.HoldIdle > TimeSpan.Zero)
            {
                progress($"  holding {idle.Count} idle connections for {options.HoldIdle.TotalSeconds:0} s");
                await Task.Delay(options.HoldIdle, ct);
            }

            var connections = Math.Max(1, after.Connections - before.Connections);
            foreach (var client in idle)
            {
                await client.DisposeAsync();
            }

            idle.Clear();
            var relayPerConnection = await RelayFloorAsync(options.CitizenUrl, ct);
            var barePerConnection = options.BareHostUrl is { } bare ? await RelayFloorAsync(bare, ct) : null;
            return new IdleResult(connections, before.ManagedHeapBytes, after.ManagedHeapBytes, (after.ManagedHeapBytes - before.ManagedHeapBytes) / (double)connections, answered)
            {
                RelayHeapPerConnectionBytes = relayPerConnection,
                BareHostHeapPerConnectionBytes = barePerConnection,
            };
        }
        finally
        {
            foreach (var client in idle)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>The same number of idle connections to the relay hub of <paramref name="server"/>.</summary>
    private async Task<double?> RelayFloorAsync(Uri server, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var before = await LoadHelpers.ServerFiguresAsync(server, collect: true);
        var relay = new List<HubConnection>(options.IdleConnections);
        try
        {
            for (var i = 0; i < options.IdleConnections; i += 100)
            {
                var batch = Enumerable.Range(0, Math.Min(100, options.IdleConnections - i))
                    .Select(_ => new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/relay"), WebSocketOnly).Build()).ToList();
                await Task.WhenAll(batch.Select(c => c.StartAsync(ct)));
                relay.AddRange(batch);
            }

            progress($"  {relay.Count} idle relay connections at {server}");
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var after = await LoadHelpers.ServerFiguresAsync(server, collect: true);
            return before is null || after is null
                ? null
                : (after.ManagedHeapBytes - before.ManagedHeapBytes) / (double)Math.Max(1, after.Connections - before.Connections);
        }
        finally
        {
            foreach (var connection in relay)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
