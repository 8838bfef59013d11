using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Load;
using SharedHotline.Load.Host;

namespace SharedHotline.IntegrationTests.Load;

/// <summary>Runs the load generator for a few seconds against a real server: the report must be complete and well-formed.</summary>
public sealed class LoadGeneratorSmokeTests
{
    [Fact]
    public async Task A_short_compare_run_produces_a_well_formed_report_with_both_scenarios_and_idle_figures()
    {
        await using var server = await StartLoadTestServerAsync(loadTestAgents: 3);
        var options = OptionsFor(server, "smoke") with
        {
            Citizens = 6,
            Duration = TimeSpan.FromSeconds(3),
            IdleConnections = 20,
        };

        var report = await LoadRun.RunAsync(options, relay: true, hotline: true, _ => { }, CancellationToken.None);
        var roundTrip = LoadReport.FromJson(report.ToJson());

        roundTrip.Hotline!.Chats.Should().Be(6);
        roundTrip.Hotline.Errors.Should().Be(0);
        roundTrip.Hotline.CitizenToAgent.Count.Should().BeGreaterThan(10);
        roundTrip.Hotline.AgentToCitizen.Count.Should().BeGreaterThan(10);
        roundTrip.Hotline.CitizenToAgent.P99.Should().BeGreaterThanOrEqualTo(roundTrip.Hotline.CitizenToAgent.P50);
        roundTrip.Hotline.RoutingMs.Count.Should().Be(6);
        roundTrip.Relay!.CitizenToAgent.Count.Should().BeGreaterThan(10);
        roundTrip.P50Ratio.Should().BePositive();
        roundTrip.Idle!.Connections.Should().BeGreaterThanOrEqualTo(20);
        roundTrip.Idle.NewChatAnsweredMs.Should().BePositive();
        report.ToMarkdown().Should().Contain("| Relay | citizen → agent |").And.Contain("| Hotline | agent → citizen |").And.Contain("Hotline / relay: p50");
        roundTrip.Hotline.ServerCpuPerMessageMicroseconds.Should().BePositive();
        LoadSummary.ToMarkdown([roundTrip]).Should().Contain($"| {report.Label} |").And.Contain("p50 ratio").And.Contain("KiB managed heap each");
    }

    [Fact]
    public async Task With_rounds_the_relay_and_the_hotline_take_turns_and_each_reports_all_its_turns()
    {
        await using var server = await StartLoadTestServerAsync(loadTestAgents: 2);
        var options = OptionsFor(server, "rounds") with
        {
            Citizens = 4,
            Duration = TimeSpan.FromSeconds(2),
            Rounds = 2,
        };
        var turns = new List<string>();

        var report = LoadReport.FromJson((await LoadRun.RunAsync(options, relay: true, hotline: true, line => { if (line.Contains("(round", StringComparison.Ordinal)) { turns.Add(line); } }, CancellationToken.None)).ToJson());

        turns.Should().Equal("Relay baseline (round 1 of 2) ...", "Hotline (round 1 of 2) ...", "Relay baseline (round 2 of 2) ...", "Hotline (round 2 of 2) ...");
        report.Options.Rounds.Should().Be(2);
        report.Relay!.MeasuredSeconds.Should().BeGreaterThan(3.5, "both turns of 2 s are in the relay's figures, not one");
        report.Hotline!.MeasuredSeconds.Should().BeGreaterThan(3.5);
        report.Hotline.CitizenToAgent.Count.Should().BeGreaterThan(4 * 4 * 2, "4 chats at 4 messages/s over two turns of 2 s, less the messages in flight");
        report.Hotline.Errors.Should().Be(0);
        report.Hotline.ServerCpuPerMessageMicroseconds.Should().BePositive();
        report.ToMarkdown().Should().Contain("relay and hotline taking turns 2 times");
    }

    internal static Task<HotlineServer> StartLoadTestServerAsync(int loadTestAgents) =>
        HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?>
        {
            ["Hotline:LoadTest:Enabled"] = "true",
            ["Hotline:LoadTest:Agents"] = loadTestAgents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hotline:LoadTest:AgentCapacity"] = "4",
        },
        host: new HostAdditions(b => b.AddLoadTesting(), a => a.MapLoadTesting(), LoadTestingServiceCollectionExtensions.SeedAsync));

    /// <summary>Two agents writing 4 messages per second per side against <paramref name="server"/>.</summary>
    internal static LoadOptions OptionsFor(HotlineServer server, string label) => new()
    {
        CitizenUrl = server.BaseAddress,
        AgentUrl = server.BaseAddress,
        Agents = 2,
        MessagesPerSecondPerSide = 4,
        Password = HotlineServer.DemoPassword,
        Label = label,
    };
}
