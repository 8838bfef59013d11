using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using SharedHotline.Client;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;
using Xunit.Abstractions;

namespace SharedHotline.IntegrationTests.ScaleOut;

/// <summary>A rolling upgrade's step: node A gets SIGTERM mid-chat and drains; every tab and the agent continue on node B.</summary>
public sealed class DrainTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_node_drained_mid_chat_moves_every_tab_and_the_agent_to_the_other_node_losing_no_acknowledged_message_and_queueing_no_chat()
    {
        await using var redis = await RedisServer.StartAsync();
        var dataFolder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "drain-" + Guid.NewGuid().ToString("N"));
        Dictionary<string, string> Settings(string node)
        {
            var settings = DemoNode.Settings(redis.ConnectionString, "drain-" + Path.GetFileName(dataFolder)[6..14], dataFolder, node, TimeSpan.FromSeconds(10));
            settings["Hotline:Drain:ReadyDelay"] = "00:00:00.300";
            settings["Hotline:Drain:Timeout"] = "00:00:15";
            settings["Serilog:MinimumLevel:Override:SharedHotline.Server.Hosting.NodeDrain"] = "Information";
            return settings;
        }
        await using var nodeA = await NodeProcess.StartAsync(Settings("node-a"));
        await using var nodeB = await NodeProcess.StartAsync(Settings("node-b"));
        await using var balancer = new LoadBalancer(nodeA.BaseAddress, nodeB.BaseAddress);
        await balancer.WaitUntilReadyAsync();
        static void WebSocketsOnly(HttpConnectionOptions o)
        {
            o.SkipNegotiation = true;
            o.Transports = HttpTransportType.WebSockets;
        }

        // Everyone reaches node A through the balancer: Mia's console, and the citizen's chat in two tabs.
        using var http = new HttpClient { BaseAddress = nodeB.BaseAddress };
        var token = await StaffSignIn.GetTokenAsync(http, Demo.FuresoAgent, HotlineServer.DemoPassword);
        await using var mia = new AgentHubClient(balancer.BaseAddress, () => Task.FromResult<string?>(token), WebSocketsOnly);
        var offers = new Inbox<AgentChat>();
        var miaSaw = new ConcurrentDictionary<long, ChatMessage>();
        var removed = new Inbox<ChatRemoved>();
        var miaBack = new Inbox<bool>();
        mia.ChatOffered += offers.Add;
        mia.MessageReceived += m => miaSaw[m.Seq] = m;
        mia.ChatRemoved += removed.Add;
        mia.Reconnected += () => miaBack.Add(true);
        await mia.ConnectAsync();
        await mia.SetPresenceAsync(Presence.Available);

        await using var tab1 = new CitizenHubClient(balancer.BaseAddress, WebSocketsOnly);
        await using var tab2 = new CitizenHubClient(balancer.BaseAddress, WebSocketsOnly);
        var tabSaw = new[] { new ConcurrentDictionary<long, ChatMessage>(), new ConcurrentDictionary<long, ChatMessage>() };
        var states = new Inbox<ChatStateChanged>();
        var tabsBack = new Inbox<int>();
        tab1.MessageReceived += m => tabSaw[0][m.Seq] = m;
        tab2.MessageReceived += m => tabSaw[1][m.Seq] = m;
        tab1.StateChanged += states.Add;
        tab2.StateChanged += states.Add;
        tab1.Reconnected += () => tabsBack.Add(1);
        tab2.Reconnected += () => tabsBack.Add(2);
        await tab1.ConnectAsync();
        var chat = (await tab1.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        await mia.AcceptChatAsync(chat.ChatId);
        await tab2.ConnectAsync();
        await tab2.ResumeAsync(tab1.SessionToken!);
        balancer.Given[1].Should().Be(0, "node A took every connection while both were ready");

        // Both sides keep writing while A drains; a send that fails is resent with the same id until acknowledged.
        using var writing = new CancellationTokenSource();
        var acked = new ConcurrentDictionary<string, long>();
        async Task Write(Func<string, Task<MessageAck>> send, string prefix)
        {
            for (var i = 1; !writing.IsCancellationRequested; i++)
            {
                var id = $"{prefix}-{i}";
                while (true)
                {
                    try
                    {
                        acked[id] = (await send(id)).Seq;
                        break;
                    }
                    catch (Exception) when (!writing.IsCancellationRequested)
                    {
                        await Task.Delay(50);
                    }
                    catch (Exception)
                    {
                        return;
                    }
                }

                await Task.Delay(40);
            }
        }

        var writers = new[]
        {
            Task.Run(() => Write(id => tab1.SendAsync($"Borger {id}", id), "citizen")),
            Task.Run(() => Write(id => mia.SendAsync(chat.ChatId, $"Mia {id}", id), "agent")),
        };
        await Task.Delay(500);

        using var probe = new HttpClient { BaseAddress = nodeA.BaseAddress, Timeout = TimeSpan.FromSeconds(1) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await nodeA.TerminateAsync();
        var exited = nodeA.WaitForExitAsync(Grace);
        var readiness = await ReadinessAfterSigtermAsync(probe, exited, clock);
        await exited;
        var took = clock.Elapsed;
        var first503 = readiness.FindIndex(r => r.Status == 503);
        first503.Should().BeGreaterThanOrEqualTo(0, "the node answers 503 while it drains");
        readiness[first503].At.Should().BeLessThan(TimeSpan.FromMilliseconds(250), "readiness turns at once on SIGTERM");
        readiness.Skip(first503).Should().OnlyContain(r => r.Status == 503, "a draining node is never ready again");
        nodeA.ExitCode.Should().Be(0, string.Join('\n', nodeA.Output.TakeLast(30)));
        took.Should().BeLessThan(TimeSpan.FromSeconds(10), "the clients moved, so the node need not wait its whole drain timeout");
        var drained = nodeA.Output.Should().Contain(l => l.Contains("Drained in", StringComparison.Ordinal)).Which;
        output.WriteLine($"SIGTERM to exit: {took.TotalMilliseconds:F0} ms; first 503 after {readiness[first503].At.TotalMilliseconds:F0} ms; {drained}");

        await miaBack.WaitForAsync(_ => true);
        await tabsBack.WaitForAsync(t => t == 1);
        await tabsBack.WaitForAsync(t => t == 2);
        balancer.Given[1].Should().BeGreaterThanOrEqualTo(3, "the console and both tabs moved to node B");
        await Task.Delay(1000);

        // Past node A's heartbeat TTL: node B has not reclaimed Mia or her chat as a dead node's.
        await Task.Delay(TimeSpan.FromSeconds(11));
        await writing.CancelAsync();
        await Task.WhenAll(writers);
        var session = await mia.GetSessionAsync();
        session.Presence.Should().Be(Presence.Available);
        session.Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId);
        removed.Items.Should().BeEmpty("the chat never left Mia");
        states.Items.Should().NotContain(s => s.Status == ChatStatus.Queued, "the chat never went back to the queue");

        // Every acknowledged message is stored once, in order, and seen by every tab and by Mia.
        await tab1.ResumeAsync(tab1.SessionToken!);
        await tab2.ResumeAsync(tab2.SessionToken!);
        var history = await tab1.GetHistoryAsync();
        history.Select(m => m.Seq).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i));
        history.Select(m => m.ClientMessageId).Should().OnlyHaveUniqueItems();
        acked.Keys.Should().BeSubsetOf(history.Select(m => m.ClientMessageId));
        acked.Count.Should().BeGreaterThan(20, "both sides wrote throughout the drain");
        output.WriteLine($"{acked.Count} messages acknowledged and all stored once; {history.Count} in the chat");
        foreach (var seen in tabSaw)
        {
            seen.Keys.Union(acked.Where(a => a.Key.StartsWith("citizen", StringComparison.Ordinal)).Select(a => a.Value))
                .Should().BeEquivalentTo(history.Select(m => m.Seq), "each tab has every message, its own sends by their acknowledgement");
        }

        var fromCitizen = history.Where(m => m.ClientMessageId.StartsWith("citizen", StringComparison.Ordinal)).Select(m => m.Seq);
        miaSaw.Keys.Should().Contain(fromCitizen, "Mia saw every message the citizen sent");
        tab1.State.Should().Be(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
        tab2.State.Should().Be(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
        mia.State.Should().Be(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
    }

    /// <summary>Asks node A's readiness as often as it answers until it has exited: the status codes seen.</summary>
    private static async Task<List<(int Status, TimeSpan At)>> ReadinessAfterSigtermAsync(HttpClient probe, Task exited, System.Diagnostics.Stopwatch clock)
    {
        var seen = new List<(int, TimeSpan)>();
        while (!exited.IsCompleted)
        {
            try
            {
                using var response = await probe.GetAsync("/health/ready");
                seen.Add(((int)response.StatusCode, clock.Elapsed));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Stopped listening.
            }

            await Task.Delay(20);
        }

        return seen;
    }
}
