using NodaTime;
using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class RotaExceptionTests
{
    // Tuesday 24 November 2026 is Furesø's week.
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    [Fact]
    public void A_cancelled_pattern_has_no_slot_that_day_only()
    {
        var partnership = Partnership(new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = Tuesday, PatternId = MonThuPatternId });

        SlotsOn(partnership, Tuesday).Should().BeEmpty();
        SlotsOn(partnership, Tuesday.AddDays(1)).Should().ContainSingle();
    }

    [Fact]
    public void A_cancellation_without_pattern_cancels_every_pattern_that_day()
    {
        var friday = new DateOnly(2026, 11, 27);
        var partnership = Partnership(new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = friday });

        SlotsOn(partnership, friday).Should().BeEmpty();
    }

    [Fact]
    public void A_cancellation_of_the_Friday_pattern_leaves_the_Tuesday_slot()
    {
        var partnership = Partnership(new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = Tuesday, PatternId = FridayPatternId });

        SlotsOn(partnership, Tuesday).Should().ContainSingle();
    }

    [Fact]
    public void A_cancelled_slot_leaves_Sorø_closed_at_20_30()
    {
        var snapshot = Snapshot(new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = Tuesday, PatternId = MonThuPatternId });

        snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30)).Mode.Should().Be(OpeningMode.Closed);
    }

    [Fact]
    public void An_extra_slot_on_a_Saturday_has_its_own_times_responsible_kommune_and_staff()
    {
        var saturday = new DateOnly(2026, 11, 28);
        var extra = new RotaException
        {
            Id = Guid.NewGuid(),
            Kind = RotaExceptionKind.ExtraSlot,
            Date = saturday,
            Start = new TimeOnly(10, 0),
            End = new TimeOnly(14, 0),
            ResponsibleKommune = Holbæk,
            AgentIds = [Agent(Holbæk, 1)],
            Note = "Valgdag",
        };

        var slot = SlotsOn(Partnership(extra), saturday).Should().ContainSingle().Subject;

        slot.PatternId.Should().BeNull();
        slot.ResponsibleKommune.Should().Be(Holbæk);
        slot.AgentIds.Should().Equal(Agent(Holbæk, 1));
        slot.MinAgents.Should().Be(1);
        slot.Start.Should().Be(Local(2026, 11, 28, 10, 0));
        (slot.End - slot.Start).Should().Be(Duration.FromHours(4));
    }

    [Fact]
    public void An_extra_slot_sits_beside_the_regular_slot_on_a_working_day()
    {
        var extra = new RotaException
        {
            Id = Guid.NewGuid(),
            Kind = RotaExceptionKind.ExtraSlot,
            Date = Tuesday,
            Start = new TimeOnly(22, 0),
            End = new TimeOnly(23, 30),
            ResponsibleKommune = Sorø,
            AgentIds = AgentsOf(Sorø),
        };

        var slots = SlotsOn(Partnership(extra), Tuesday);

        slots.Select(s => s.ResponsibleKommune).Should().Equal(Furesø, Sorø);
        slots[1].MinAgents.Should().Be(2);
    }

    [Fact]
    public void An_extra_slot_without_a_responsible_kommune_is_ignored()
    {
        var extra = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.ExtraSlot, Date = new DateOnly(2026, 11, 28), Start = new TimeOnly(10, 0), End = new TimeOnly(14, 0) };

        SlotsOn(Partnership(extra), new DateOnly(2026, 11, 28)).Should().BeEmpty();
    }

    [Fact]
    public void A_swap_hands_the_rostered_agents_place_to_the_covering_agent()
    {
        var cover = Agent(Sorø, 1);
        var swap = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Swap, Date = Tuesday, PatternId = MonThuPatternId, FromAgentId = Agent(Furesø, 2), ToAgentId = cover };

        var slot = SlotsOn(Partnership(swap), Tuesday).Single();

        slot.AgentIds.Should().Equal(Agent(Furesø, 1), cover);
        slot.ResponsibleKommune.Should().Be(Furesø, "a swap moves staff, not responsibility");
        SlotsOn(Partnership(swap), Tuesday.AddDays(1)).Single().AgentIds.Should().Equal(AgentsOf(Furesø));
    }

    [Fact]
    public void A_swap_to_an_agent_already_rostered_does_not_list_them_twice()
    {
        var swap = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Swap, Date = Tuesday, FromAgentId = Agent(Furesø, 1), ToAgentId = Agent(Furesø, 2) };

        SlotsOn(Partnership(swap), Tuesday).Single().AgentIds.Should().Equal(Agent(Furesø, 2));
    }

    [Fact]
    public void A_swap_for_an_agent_not_on_the_slot_changes_nothing()
    {
        var swap = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Swap, Date = Tuesday, FromAgentId = Agent(Holbæk, 1), ToAgentId = Agent(Sorø, 1) };

        SlotsOn(Partnership(swap), Tuesday).Single().AgentIds.Should().Equal(AgentsOf(Furesø));
    }

    [Fact]
    public void A_swapped_in_agent_is_rostered_for_Sorøs_citizens_at_20_30()
    {
        var cover = Agent(Sorø, 2);
        var snapshot = Snapshot(new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Swap, Date = Tuesday, FromAgentId = Agent(Furesø, 1), ToAgentId = cover });

        snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30)).RosteredAgents.Should().BeEquivalentTo([Agent(Furesø, 2), cover]);
    }

    [Fact]
    public void A_pattern_outside_its_validity_has_no_slots()
    {
        var partnership = Partnership() with { Patterns = Patterns().Select(p => p with { ValidTo = new DateOnly(2026, 11, 23) }).ToList() };

        SlotsOn(partnership, new DateOnly(2026, 11, 23)).Should().ContainSingle();
        SlotsOn(partnership, Tuesday).Should().BeEmpty();
        SlotsOn(partnership, Anchor.AddDays(-1)).Should().BeEmpty();
    }
}
