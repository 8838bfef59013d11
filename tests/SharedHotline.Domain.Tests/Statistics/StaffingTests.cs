using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class StaffingTests
{
    [Fact]
    public void Without_abandonment_and_one_chat_each_the_need_is_Erlang_Cs()
    {
        // 200 chats an hour of 180 s is 10 Erlang; 80 % within 20 s needs 14 servers (standard Erlang C table).
        var need = StaffingNeed.For(200, 180, double.PositiveInfinity, concurrency: 1, serviceLevelTarget: 0.8, thresholdSeconds: 20);

        (need.Agents, need.Servers, need.ProbabilityOfAbandonment).Should().Be((14, 14, 0));
        need.TrafficErlangs.Should().BeApproximately(10, 1e-12);
        need.ServiceLevel.Should().BeApproximately(0.8884, 5e-5);
    }

    [Theory]
    [InlineData(2, 7, 14, 0.8884)]
    [InlineData(3, 5, 15, 0.9415)]
    [InlineData(4, 4, 16, 0.9706)]
    public void Agents_holding_several_chats_are_that_many_servers_rounded_up(int concurrency, int agents, int servers, double level)
    {
        var need = StaffingNeed.For(200, 180, double.PositiveInfinity, concurrency, 0.8, 20);

        (need.Agents, need.Servers).Should().Be((agents, servers));
        need.ServiceLevel.Should().BeApproximately(level, 5e-5);
    }

    [Fact]
    public void The_need_is_the_fewest_servers_that_meet_the_target()
    {
        var need = StaffingNeed.For(200, 180, 120, concurrency: 1);

        need.ServiceLevel.Should().BeGreaterThanOrEqualTo(0.8);
        new ErlangA(need.Servers - 1, 200, 180, 120).ServiceLevel(60).Should().BeLessThan(0.8);
    }

    [Fact]
    public void Citizens_who_give_up_need_no_more_agents_than_Erlang_C_says()
    {
        var patient = StaffingNeed.For(200, 180, double.PositiveInfinity, concurrency: 1);
        var impatient = StaffingNeed.For(200, 180, 120, concurrency: 1);

        impatient.Agents.Should().BeLessThan(patient.Agents);
        impatient.ProbabilityOfAbandonment.Should().BeGreaterThan(0);
    }

    [Fact]
    public void More_chats_or_a_stricter_target_never_need_fewer_agents()
    {
        double[] arrivals = [5, 20, 50, 100, 200, 400];
        double[] targets = [0.5, 0.7, 0.8, 0.9, 0.95];
        var byArrivals = arrivals.Select(a => StaffingNeed.For(a, 480, 240, 2).Agents);
        var byTarget = targets.Select(t => StaffingNeed.For(60, 480, 240, 2, t).Agents);

        byArrivals.Should().BeInAscendingOrder();
        byTarget.Should().BeInAscendingOrder();
    }

    [Fact]
    public void A_slot_without_chats_needs_nobody() =>
        StaffingNeed.For(0, 480, 240).Should().Be(new StaffingNeed(0, 0, 1, 0, 0));

    [Fact]
    public void An_evening_hour_of_the_demo_size_needs_a_couple_of_agents()
    {
        // Twelve chats an hour of eight minutes each, two at a time, patience four minutes, 80 % within 60 s.
        var need = StaffingNeed.For(12, 480, 240, concurrency: 2);

        need.TrafficErlangs.Should().BeApproximately(1.6, 1e-12);
        need.Agents.Should().Be((need.Servers + 1) / 2);
        need.Agents.Should().BeInRange(1, 3);
        need.ServiceLevel.Should().BeGreaterThanOrEqualTo(0.8);
    }

    [Theory]
    [InlineData(0, 0, StaffingLevel.Under)]
    [InlineData(1, 0, StaffingLevel.Well)]
    [InlineData(2, 0, StaffingLevel.Over)]
    [InlineData(2, 3, StaffingLevel.Under)]
    [InlineData(3, 3, StaffingLevel.Well)]
    [InlineData(4, 3, StaffingLevel.Over)]
    [InlineData(9, 8, StaffingLevel.Well)]
    [InlineData(10, 8, StaffingLevel.Over)]
    [InlineData(12, 10, StaffingLevel.Well)]
    [InlineData(13, 10, StaffingLevel.Over)]
    public void A_slot_is_under_well_or_over_staffed(int rostered, int needed, StaffingLevel verdict) =>
        StaffingVerdict.For(rostered, needed).Should().Be(verdict);
}
