using NodaTime;
using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class DutyAtTests
{
    private readonly RotaSnapshot _snapshot = Snapshot();

    [Fact]
    public void Sorø_citizen_at_20_30_on_Tuesday_24_November_2026_is_served_by_Furesøs_rostered_agents()
    {
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30));

        duty.Mode.Should().Be(OpeningMode.Shared);
        duty.IsOpen.Should().BeTrue();
        duty.OwnHoursOpen.Should().BeFalse();
        duty.ResponsibleKommune.Should().Be(Furesø);
        duty.RosteredAgents.Should().BeEquivalentTo(AgentsOf(Furesø));
        duty.Slots.Should().ContainSingle().Which.PartnershipId.Should().Be(PartnershipId);
    }

    [Fact]
    public void Every_member_sees_the_same_responsible_kommune_in_the_shared_slot()
    {
        foreach (var kode in RotationOrder)
        {
            _snapshot.DutyAt(kode, Local(2026, 11, 24, 20, 30)).ResponsibleKommune.Should().Be(Furesø);
        }
    }

    [Fact]
    public void Holbæk_citizen_at_10_on_Wednesday_is_served_by_Holbæk_itself()
    {
        var duty = _snapshot.DutyAt(Holbæk, Local(2026, 11, 25, 10, 0));

        duty.Mode.Should().Be(OpeningMode.Own);
        duty.ResponsibleKommune.Should().Be(Holbæk);
        duty.Slots.Should().BeEmpty();
        duty.RosteredAgents.Should().BeEmpty();
    }

    [Fact]
    public void Sorø_at_19_on_Friday_is_closed_after_the_short_Friday_slot()
    {
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 27, 19, 0));

        duty.Mode.Should().Be(OpeningMode.Closed);
        duty.IsOpen.Should().BeFalse();
        duty.ResponsibleKommune.Should().BeNull();
        duty.Overflow.Should().BeEmpty();
    }

    [Fact]
    public void København_at_21_30_on_Sunday_answers_its_own_citizens()
    {
        var duty = _snapshot.DutyAt(København, Local(2026, 11, 29, 21, 30));

        duty.Mode.Should().Be(OpeningMode.Own);
        duty.ResponsibleKommune.Should().Be(København);
    }

    [Fact]
    public void København_closes_at_22()
    {
        _snapshot.DutyAt(København, Local(2026, 11, 29, 22, 0)).Mode.Should().Be(OpeningMode.Closed);
        _snapshot.DutyAt(København, Local(2026, 11, 29, 7, 59)).Mode.Should().Be(OpeningMode.Closed);
    }

    [Theory]
    [InlineData(14, 59, OpeningMode.Own)]
    [InlineData(15, 0, OpeningMode.Shared)]
    [InlineData(21, 59, OpeningMode.Shared)]
    [InlineData(22, 0, OpeningMode.Closed)]
    [InlineData(8, 59, OpeningMode.Closed)]
    [InlineData(9, 0, OpeningMode.Own)]
    public void Monday_windows_start_inclusive_and_end_exclusive(int hour, int minute, OpeningMode expected) =>
        _snapshot.DutyAt(Sorø, Local(2026, 11, 23, hour, minute)).Mode.Should().Be(expected);

    [Fact]
    public void On_Thursday_at_16_own_hours_win_but_the_shared_slot_is_also_current()
    {
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 26, 16, 0));

        duty.Mode.Should().Be(OpeningMode.Own);
        duty.ResponsibleKommune.Should().Be(Sorø);
        duty.Slots.Should().ContainSingle();
        duty.RosteredAgents.Should().BeEquivalentTo(AgentsOf(Furesø));
    }

    [Fact]
    public void On_Thursday_at_17_own_hours_end_and_the_shared_slot_takes_over()
    {
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 26, 17, 0));

        duty.Mode.Should().Be(OpeningMode.Shared);
        duty.ResponsibleKommune.Should().Be(Furesø);
    }

    [Fact]
    public void During_a_shared_slot_København_is_offered_as_overflow_to_the_other_members()
    {
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30));

        duty.Overflow.Should().ContainSingle().Which.Should().Be(new OverflowRule(København, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Koebenhavn_the_overflow_partner_is_not_a_member_so_its_citizens_never_reach_the_rostered_agents()
    {
        var duty = _snapshot.DutyAt(København, Local(2026, 11, 24, 20, 30));

        duty.Overflow.Should().BeEmpty();
        duty.Slots.Should().BeEmpty("København takes the members' overflow; its own citizens are answered by its own hotline");
        duty.OwnHoursOpen.Should().BeTrue();
    }

    [Fact]
    public void An_overflow_kommune_outside_its_own_hours_is_not_offered()
    {
        var snapshot = Snapshot(Partnership() with { Overflow = new OverflowRule(Holbæk, TimeSpan.FromMinutes(5)) });

        snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30)).Overflow.Should().BeEmpty();
        snapshot.DutyAt(Sorø, Local(2026, 11, 26, 16, 0)).Overflow.Should().ContainSingle("Holbæk is open until 17 on Thursdays");
    }

    [Fact]
    public void An_overnight_slot_that_began_yesterday_is_still_on_duty_after_midnight()
    {
        var night = Partnership() with
        {
            Patterns =
            [
                new ShiftPattern
                {
                    Id = Guid.NewGuid(),
                    Days = [DayOfWeek.Saturday],
                    Start = new TimeOnly(22, 0),
                    End = new TimeOnly(2, 0),
                    ValidFrom = Anchor,
                    Rotation = WeeklyRotation(),
                },
            ],
        };

        var duty = Snapshot(night).DutyAt(Sorø, Local(2026, 11, 29, 1, 30));

        duty.Mode.Should().Be(OpeningMode.Shared);
        duty.Slots.Single().Date.Should().Be(new DateOnly(2026, 11, 28));
    }

    [Fact]
    public void An_unknown_kommune_is_closed_and_has_no_partnership()
    {
        _snapshot.FindKommune(999).Should().BeNull();
        _snapshot.PartnershipsOf(999).Should().BeEmpty();
        _snapshot.DutyAt(999, Local(2026, 11, 24, 20, 30)).Mode.Should().Be(OpeningMode.Closed);
    }

    [Fact]
    public void The_snapshot_indexes_kommuner_and_partnerships()
    {
        _snapshot.Zone.Should().Be(DateTimeZoneProviders.Tzdb["Europe/Copenhagen"]);
        _snapshot.Kommuner.Should().HaveCount(6);
        _snapshot.FindKommune(Sorø)!.Name.Should().Be("Sorø Kommune");
        _snapshot.PartnershipsOf(Sorø).Should().ContainSingle().Which.Id.Should().Be(PartnershipId);
        _snapshot.PartnershipsOf(København).Should().BeEmpty("the overflow partner is not a member");
    }
}
