using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

/// <summary>Sorø in two partnerships whose Tuesday slots overlap: the partnership listed first wins the overlap.</summary>
public class OverlappingPartnershipsTests
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    private static RotaSnapshot TwoPartnerships()
    {
        var late = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.ExtraSlot, Date = Tuesday, Start = new(18, 0), End = new(23, 0), ResponsibleKommune = Sorø, AgentIds = [Agent(Sorø, 1)] };
        var other = new Partnership { Id = "other", Name = "Anden hotline", Members = [Sorø, Holbæk], Exceptions = [late] };
        return new RotaSnapshot(Kommuner(), [Partnership(), other]);
    }

    [Fact]
    public void The_overlap_belongs_to_the_first_partnership_and_the_later_slot_keeps_only_its_tail()
    {
        var windows = TwoPartnerships().OpeningWindows(Sorø, Tuesday, Tuesday);

        windows.Select(w => (w.Start.Hour, w.End.Hour, w.Mode, w.ResponsibleKommune, w.PartnershipId)).Should().Equal(
            (9, 15, OpeningMode.Own, Sorø, null),
            (15, 22, OpeningMode.Shared, Furesø, PartnershipId),
            (22, 23, OpeningMode.Shared, Sorø, "other"));
    }

    [Fact]
    public void During_the_overlap_both_slots_are_on_duty_and_the_first_names_the_responsible_kommune()
    {
        var duty = TwoPartnerships().DutyAt(Sorø, Local(2026, 11, 24, 20));

        duty.Slots.Select(s => s.PartnershipId).Should().Equal(PartnershipId, "other");
        duty.ResponsibleKommune.Should().Be(Furesø);
        duty.RosteredAgents.Should().BeEquivalentTo([.. AgentsOf(Furesø), Agent(Sorø, 1)]);
    }

    [Fact]
    public void At_21_the_next_opening_skips_both_contiguous_windows_to_Wednesday_morning() =>
        TwoPartnerships().NextOpening(Sorø, Local(2026, 11, 24, 21))!.Start.Should().Be(LocalZoned(2026, 11, 25, 9));

    [Fact]
    public void Repeated_lookups_on_one_snapshot_give_the_same_slots()
    {
        var snapshot = TwoPartnerships();
        var first = snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20)).Slots;

        snapshot.DutyAt(Sorø, Local(2026, 11, 24, 21)).Slots.Should().Equal(first);
        snapshot.SlotsOn(snapshot.Partnerships[0], Tuesday).Should().BeEquivalentTo(SlotsOn(Partnership(), Tuesday), o => o.WithStrictOrdering());
    }
}
