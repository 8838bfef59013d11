using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Load;
using SharedHotline.Load.Sweep;

namespace SharedHotline.IntegrationTests.Load;

/// <summary>The capacity sweep's plan, knees and report; the figures themselves are docs/benchmarks.md's, never a test's.</summary>
public sealed class CapacitySweepTests
{
    [Fact]
    public void The_plan_grows_the_offered_rate_by_the_growth_squared_and_past_the_chat_cap_by_the_rate_alone()
    {
        var steps = new SweepSettings { StartChats = 20, StartRate = 0.5, Growth = 1.25, MaxChats = 40, MaxSteps = 8 }.Plan();

        steps.Select(s => s.Chats).Should().Equal(20, 25, 31, 39, 40, 40, 40, 40);
        steps.Zip(steps.Skip(1)).Should().OnlyContain(p => Math.Abs(p.Second.Offered / p.First.Offered - 1.5625) < 0.05, "each step offers about 1.56 times the one before");
        steps[0].Offered.Should().Be(20);
    }

    [Fact]
    public void A_knee_is_the_last_step_that_held_before_the_first_that_did_not_and_the_report_and_plot_show_both_scenarios()
    {
        var settings = new SweepSettings();
        var plan = settings.Plan();
        StepFigures Held(double p99) => new(p99 / 3, p99, 100, 100, 0, true);
        StepFigures Broke(double p99) => new(p99 / 3, p99, 100, 100, 0, false);
        var report = new SweepReport("unit", DateTimeOffset.UnixEpoch, "test", settings,
        [
            new StepResult(plan[0], Held(5), Held(8)),
            new StepResult(plan[1], Held(6), Held(40)),
            new StepResult(plan[2], Held(9), Broke(300)),
            new StepResult(plan[3], Broke(400), null),
        ]);

        report.RelayKnee!.Step.Should().Be(3);
        report.HotlineKnee!.Step.Should().Be(2);
        report.KneeRatio.Should().BeApproximately(plan[1].Offered / plan[2].Offered, 1e-9);
        report.ToMarkdown("plot.svg").Should().Contain("hotline knee: 31 messages/s offered with 25 active chats (step 2)").And.Contain("![p50 and p99 against the offered rate](plot.svg)").And.Contain("300.0 ✗");
        var svg = System.Xml.Linq.XDocument.Parse(report.ToSvg());
        svg.Descendants().Where(e => e.Name.LocalName == "polyline").Select(e => e.Element(e.Name.Namespace + "title")!.Value).Should().Equal("relay p50", "relay p99", "hotline p50", "hotline p99");
    }

    [Fact]
    public async Task A_short_sweep_against_a_real_server_measures_both_scenarios_at_each_step_until_one_stops_holding()
    {
        await using var server = await LoadGeneratorSmokeTests.StartLoadTestServerAsync(loadTestAgents: 3);
        var options = LoadGeneratorSmokeTests.OptionsFor(server, "sweep smoke") with { Agents = 3 };
        var settings = new SweepSettings { StartChats = 4, StartRate = 1, Growth = 1.5, MaxChats = 30, MaxSteps = 2, StepDuration = TimeSpan.FromSeconds(2) };

        var report = await CapacitySweep.RunAsync(options, settings, _ => { }, CancellationToken.None);

        report.Steps.Should().HaveCount(2);
        report.Steps.Should().OnlyContain(s => s.Relay != null && s.Hotline != null && s.Hotline.Delivered > 0 && s.Relay.Delivered > 0);
        report.ToSvg().Should().StartWith("<svg");
    }
}
