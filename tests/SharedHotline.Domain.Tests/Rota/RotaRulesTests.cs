using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class RotaRulesTests
{
    private const int Roskilde = 265;

    internal static RotaDirectory Directory() => new(
        RotationOrder.Append(København).Append(Roskilde).SelectMany(k => AgentsOf(k).Select(a => (a, k))).ToDictionary(x => x.a, x => x.k),
        RotationOrder.Append(København).Append(Roskilde).ToHashSet());

    private static ShiftPattern Saturday(TimeOnly start, TimeOnly end, Rotation? rotation = null) => new()
    {
        Id = Guid.NewGuid(),
        Days = [DayOfWeek.Saturday],
        Start = start,
        End = end,
        ValidFrom = Anchor,
        Rotation = rotation ?? WeeklyRotation(),
    };

    private static IReadOnlyList<RotaViolation> Check(ShiftPattern pattern, bool overnight = false) =>
        RotaRules.CheckPattern(pattern, overnight, Partnership() with { Patterns = [.. Patterns(), pattern] }, Directory());

    [Fact]
    public void The_demo_patterns_keep_every_rule()
    {
        foreach (var pattern in Patterns())
        {
            RotaRules.CheckPattern(pattern, false, Partnership(), Directory()).Should().BeEmpty();
        }
    }

    [Fact]
    public void An_end_before_the_start_is_refused_on_the_end_field() =>
        Check(Saturday(new(18, 0), new(10, 0))).Should().ContainSingle().Which.Field.Should().Be("end");

    [Fact]
    public void An_end_equal_to_the_start_is_refused_even_overnight() =>
        Check(Saturday(new(18, 0), new(18, 0)), overnight: true).Should().ContainSingle().Which.Field.Should().Be("end");

    [Fact]
    public void An_overnight_slot_is_accepted_when_asked_for_explicitly() =>
        Check(Saturday(new(22, 0), new(2, 0)), overnight: true).Should().BeEmpty();

    [Fact]
    public void An_overnight_flag_on_a_same_day_slot_is_refused() =>
        Check(Saturday(new(10, 0), new(12, 0)), overnight: true).Should().ContainSingle().Which.Field.Should().Be("end");

    [Fact]
    public void Dates_out_of_range_and_a_validity_ending_before_it_starts_are_refused()
    {
        var pattern = Saturday(new(10, 0), new(12, 0)) with { ValidFrom = new DateOnly(1999, 12, 31), ValidTo = new DateOnly(2101, 1, 1) };
        var backwards = Saturday(new(10, 0), new(12, 0)) with { ValidFrom = new DateOnly(2027, 1, 1), ValidTo = new DateOnly(2026, 12, 31) };

        Check(pattern).Select(v => v.Field).Should().BeEquivalentTo("validFrom", "validTo");
        Check(backwards).Should().ContainSingle().Which.Field.Should().Be("validTo");
    }

    [Fact]
    public void No_days_repeated_days_and_a_minimum_of_zero_agents_are_refused()
    {
        var pattern = Saturday(new(10, 0), new(12, 0)) with { Days = [], MinAgents = 0 };

        Check(pattern).Select(v => v.Field).Should().BeEquivalentTo("days", "minAgents");
        Check(pattern with { Days = [DayOfWeek.Saturday, DayOfWeek.Saturday], MinAgents = 1 }).Should().ContainSingle().Which.Field.Should().Be("days");
    }

    [Fact]
    public void An_unknown_agent_and_an_unknown_kommune_are_named_by_their_turn()
    {
        var rotation = new Rotation(RotationKind.ByIsoWeek, Anchor, [new RotationTurn(Furesø, AgentsOf(Furesø)), new RotationTurn(999, [Guid.Empty])]);

        var violations = Check(Saturday(new(10, 0), new(12, 0), rotation));

        violations.Select(v => v.Field).Should().BeEquivalentTo("rotation.turns[1].kommune", "rotation.turns[1].agentIds");
        violations.Should().Contain(v => v.Message.Contains("Unknown kommune 999"));
    }

    [Fact]
    public void A_known_kommune_outside_the_partnership_cannot_be_responsible()
    {
        var rotation = new Rotation(RotationKind.ByIsoWeek, Anchor, [new RotationTurn(Roskilde, AgentsOf(Sorø))]);

        Check(Saturday(new(10, 0), new(12, 0), rotation)).Should().ContainSingle()
            .Which.Should().Be(new RotaViolation("rotation.turns[0].kommune", "Kommune 265 is not a member of the partnership."));
    }

    [Fact]
    public void An_agent_whose_home_kommune_is_not_a_member_cannot_be_rostered()
    {
        var outsider = AgentsOf(Roskilde)[0];
        var rotation = new Rotation(RotationKind.ByIsoWeek, Anchor, [new RotationTurn(Sorø, [AgentsOf(Sorø)[0], outsider])]);

        Check(Saturday(new(10, 0), new(12, 0), rotation)).Should().ContainSingle()
            .Which.Should().Be(new RotaViolation("rotation.turns[0].agentIds", $"Agent {outsider} works for kommune 265, which is not a member of the partnership."));
    }

    [Fact]
    public void A_rotation_without_turns_is_refused() =>
        Check(Saturday(new(10, 0), new(12, 0), WeeklyRotation() with { Turns = [] })).Should().ContainSingle().Which.Field.Should().Be("rotation.turns");

    [Fact]
    public void A_weekday_rotation_needs_each_turn_on_one_of_the_patterns_days()
    {
        var rotation = new Rotation(RotationKind.ByWeekday, Anchor, [new RotationTurn(Sorø, AgentsOf(Sorø), DayOfWeek.Saturday), new RotationTurn(Holbæk, AgentsOf(Holbæk), DayOfWeek.Monday)]);

        Check(Saturday(new(10, 0), new(12, 0), rotation)).Should().ContainSingle().Which.Field.Should().Be("rotation.turns[1].day");
    }

    [Fact]
    public void A_second_pattern_overlapping_the_evening_for_the_same_kommune_is_refused()
    {
        var tuesdayLate = Saturday(new(21, 0), new(23, 0)) with { Days = [DayOfWeek.Tuesday] };

        var violation = Check(tuesdayLate).Should().ContainSingle().Subject;

        violation.Field.Should().Be("start");
        violation.Message.Should().Contain(MonThuPatternId.ToString());
    }

    [Fact]
    public void An_overlapping_pattern_with_another_responsible_kommune_in_every_week_is_allowed()
    {
        // The same order shifted by one week: never the same kommune as the demo rota in the same week.
        var shifted = WeeklyRotation() with { Anchor = Anchor.AddDays(7) };
        var parallel = Saturday(new(16, 0), new(20, 0), shifted) with { Days = [DayOfWeek.Tuesday] };

        Check(parallel).Should().BeEmpty();
    }

    [Fact]
    public void Patterns_that_touch_at_22_do_not_overlap() =>
        Check(Saturday(new(22, 0), new(23, 0)) with { Days = [DayOfWeek.Tuesday] }).Should().BeEmpty();

    [Fact]
    public void An_overnight_pattern_overlapping_the_next_evening_is_found()
    {
        var monday = Saturday(new(21, 0), new(15, 30), WeeklyRotation()) with { Days = [DayOfWeek.Monday] };

        Check(monday, overnight: true).Should().ContainSingle().Which.Field.Should().Be("start");
    }

    [Fact]
    public void Patterns_valid_in_different_periods_do_not_overlap()
    {
        var later = Saturday(new(16, 0), new(20, 0)) with { Days = [DayOfWeek.Tuesday], ValidFrom = new DateOnly(2027, 1, 1) };
        var partnership = Partnership() with { Patterns = [.. Patterns().Select(p => p with { ValidTo = new DateOnly(2026, 12, 31) }), later] };

        RotaRules.CheckPattern(later, false, partnership, Directory()).Should().BeEmpty();
    }
}
