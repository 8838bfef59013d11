using SharedHotline.Load.Chaos;

namespace SharedHotline.IntegrationTests.Load;

/// <summary>The failures of a chaos run are planned from its options: the same options break the same things at the same times.</summary>
public sealed class ChaosScheduleTests
{
    [Fact]
    public void Thirty_minutes_kill_a_node_every_two_minutes_in_turn_and_restart_redis_every_five_alternately_empty_and_from_its_file()
    {
        var options = new ChaosOptions { Duration = TimeSpan.FromMinutes(30) };
        var plan = ChaosSchedule.Plan(options);

        var kills = plan.Where(a => a.Kind == ChaosActionKind.KillNode).ToList();
        kills.Should().HaveCount(15);
        kills.Zip(kills.Skip(1)).Should().OnlyContain(p => p.Second.At - p.First.At == TimeSpan.FromMinutes(2) && p.Second.Node != p.First.Node);
        plan.Where(a => a.Kind == ChaosActionKind.StartNode).Select(a => (a.At - options.NodeDownFor, a.Node)).Should().Equal(kills.Select(k => (k.At, k.Node)));
        plan.Where(a => a.Kind is ChaosActionKind.RestartRedisEmpty or ChaosActionKind.RestartRedisKeepingData).Select(a => a.Kind).Should()
            .HaveCount(6).And.StartWith([ChaosActionKind.RestartRedisEmpty, ChaosActionKind.RestartRedisKeepingData, ChaosActionKind.RestartRedisEmpty]);
        plan.Count(a => a.Kind == ChaosActionKind.PausePostgres).Should().Be(10);
        plan.Should().OnlyContain(a => a.At >= TimeSpan.FromSeconds(15) && a.At <= options.Duration - TimeSpan.FromSeconds(15), "the region starts and ends quiet");
        plan.Select(a => a.At).Should().BeInAscendingOrder();
        ChaosSchedule.Plan(options).Should().Equal(plan);
    }

    [Fact]
    public void The_three_minute_run_of_the_suite_breaks_every_part_at_least_once()
    {
        var plan = ChaosSchedule.Plan(ChaosOptions.ThreeMinutes);

        plan.Select(a => a.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<ChaosActionKind>());
        plan.Where(a => a.Kind == ChaosActionKind.KillNode).Select(a => a.Node).Distinct().Should().HaveCount(2, "both nodes die");
    }

    [Fact]
    public void Options_are_read_from_the_command_line_on_top_of_the_chosen_defaults()
    {
        var options = ChaosOptions.Parse(["--mode", "chaos", "--minutes", "30", "--nodes", "3", "--citizens", "200", "--agents", "40", "--seed", "7"]);

        options.Should().Be(new ChaosOptions { Duration = TimeSpan.FromMinutes(30), Nodes = 3, Citizens = 200, Agents = 40, Seed = 7 });
        ChaosOptions.Parse(["--short", "1"]).Should().Be(ChaosOptions.ThreeMinutes);
    }
}
