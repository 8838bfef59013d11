using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class RotationTests
{
    [Fact]
    public void The_anchor_week_is_Fredensborgs_from_Monday_to_Sunday()
    {
        var rotation = WeeklyRotation();

        for (var date = Anchor; date <= Anchor.AddDays(6); date = date.AddDays(1))
        {
            rotation.TurnOn(date)!.KommuneKode.Should().Be(Fredensborg, "on {0}", date);
        }

        rotation.TurnOn(Anchor.AddDays(7))!.KommuneKode.Should().Be(Frederikssund);
    }

    [Fact]
    public void An_anchor_in_mid_week_counts_from_the_Monday_of_its_ISO_week()
    {
        var wednesdayAnchored = WeeklyRotation() with { Anchor = new DateOnly(2025, 12, 31) };

        wednesdayAnchored.TurnOn(new DateOnly(2025, 12, 29))!.KommuneKode.Should().Be(Fredensborg);
        wednesdayAnchored.TurnOn(new DateOnly(2026, 1, 5))!.KommuneKode.Should().Be(Frederikssund);
    }

    [Fact]
    public void The_turn_after_the_last_kommune_wraps_to_the_first()
    {
        var rotation = WeeklyRotation();

        rotation.TurnOn(Anchor.AddDays(7 * 4))!.KommuneKode.Should().Be(Sorø);
        rotation.TurnOn(Anchor.AddDays(7 * 5))!.KommuneKode.Should().Be(Fredensborg);
    }

    [Fact]
    public void Weeks_before_the_anchor_count_backwards_through_the_order()
    {
        var rotation = WeeklyRotation();

        rotation.TurnOn(Anchor.AddDays(-1))!.KommuneKode.Should().Be(Sorø);
        rotation.TurnOn(Anchor.AddDays(-7 * 2))!.KommuneKode.Should().Be(Holbæk);
    }

    [Fact]
    public void Tuesday_24_November_2026_is_47_weeks_after_the_anchor_and_Furesøs_turn()
    {
        var date = new DateOnly(2026, 11, 24);

        ((date.DayNumber - Anchor.DayNumber) / 7).Should().Be(47);
        WeeklyRotation().TurnOn(date)!.KommuneKode.Should().Be(Furesø);
    }

    [Fact]
    public void A_turn_names_the_responsible_kommunes_agents() =>
        WeeklyRotation().TurnOn(new DateOnly(2026, 11, 24))!.AgentIds.Should().Equal(AgentsOf(Furesø));

    [Fact]
    public void Every_week_of_2026_follows_the_order_and_each_kommune_gets_10_or_11_weeks()
    {
        var partnership = Partnership();
        var firstMonday = new DateOnly(2025, 12, 29);
        var lastSunday = new DateOnly(2027, 1, 3);

        var weeks = RotaCalendar.SlotsBetween(partnership, firstMonday, lastSunday, Zone)
            .GroupBy(s => (s.Date.DayNumber - firstMonday.DayNumber) / 7)
            .OrderBy(g => g.Key)
            .ToList();

        weeks.Should().HaveCount(53, "2026 is an ISO year with 53 weeks and every week has a working evening");
        foreach (var week in weeks)
        {
            week.Select(s => s.ResponsibleKommune).Distinct().Should().ContainSingle()
                .Which.Should().Be(ResponsibleInWeek(week.Key), "in week {0}", week.Key + 1);
        }

        var perKommune = weeks.GroupBy(w => w.First().ResponsibleKommune).ToDictionary(g => g.Key, g => g.Count());
        perKommune.Keys.Should().BeEquivalentTo(RotationOrder);
        perKommune.Values.Should().OnlyContain(n => n == 10 || n == 11);
        perKommune.Values.Sum().Should().Be(53);
    }

    [Fact]
    public void Consecutive_weeks_hand_over_to_the_next_kommune_in_the_order()
    {
        var rotation = WeeklyRotation();
        for (var monday = Anchor; monday.Year <= 2026; monday = monday.AddDays(7))
        {
            var current = rotation.TurnOn(monday)!.KommuneKode;
            var next = rotation.TurnOn(monday.AddDays(7))!.KommuneKode;
            var index = RotationOrder.ToList().IndexOf(current);
            next.Should().Be(RotationOrder[(index + 1) % RotationOrder.Count], "after the week of {0}", monday);
        }
    }

    [Fact]
    public void A_weekday_rotation_gives_each_day_its_named_turn()
    {
        var rotation = new Rotation(
            RotationKind.ByWeekday,
            Anchor,
            [new RotationTurn(Holbæk, AgentsOf(Holbæk), DayOfWeek.Monday), new RotationTurn(Sorø, AgentsOf(Sorø), DayOfWeek.Tuesday)]);

        rotation.TurnOn(new DateOnly(2026, 11, 23))!.KommuneKode.Should().Be(Holbæk);
        rotation.TurnOn(new DateOnly(2026, 11, 24))!.KommuneKode.Should().Be(Sorø);
        rotation.TurnOn(new DateOnly(2026, 11, 25)).Should().BeNull();
    }

    [Fact]
    public void A_rotation_without_turns_has_nobody_responsible() =>
        new Rotation(RotationKind.ByIsoWeek, Anchor, []).TurnOn(Anchor).Should().BeNull();
}
