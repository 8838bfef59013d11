using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class RotaConflictsTests
{
    // Week 48 of 2026 is Furesø's week: Monday 23 to Friday 27 November.
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly DateOnly Friday = new(2026, 11, 27);
    private const int Roskilde = 265;

    private static RotaDirectory Directory(params (Guid Agent, int Home)[] extra)
    {
        var homes = RotationOrder.Append(København).SelectMany(k => AgentsOf(k).Select(a => (a, k))).Concat(extra).ToDictionary(x => x.Item1, x => x.Item2);
        return new RotaDirectory(homes, RotationOrder.Append(København).Append(Roskilde).ToHashSet());
    }

    private static IReadOnlyList<RotaConflict> Find(Partnership partnership, DateOnly from, DateOnly to, RotaDirectory? directory = null, params Partnership[] others) =>
        RotaConflicts.Find(partnership, [partnership, .. others], directory ?? Directory(), from, to, Zone);

    [Fact]
    public void The_demo_rota_of_a_normal_week_has_no_conflicts() =>
        Find(Partnership(), Monday, Friday).Should().BeEmpty();

    [Fact]
    public void An_extra_slot_overlapping_the_agents_evening_slot_is_a_double_booking()
    {
        var extra = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.ExtraSlot, Date = Tuesday, Start = new(21, 0), End = new(23, 0), ResponsibleKommune = Holbæk, AgentIds = [Agent(Furesø, 1)] };

        var conflict = Find(Partnership(extra), Monday, Friday).Should().ContainSingle().Subject;

        conflict.Kind.Should().Be(RotaConflictKind.DoubleBooked);
        conflict.AgentId.Should().Be(Agent(Furesø, 1));
        conflict.Date.Should().Be(Tuesday);
        new[] { conflict.Slot.ExtraSlotId, conflict.Other!.ExtraSlotId }.Should().Contain(extra.Id);
    }

    [Fact]
    public void An_extra_slot_that_starts_when_the_evening_slot_ends_is_no_double_booking()
    {
        var extra = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.ExtraSlot, Date = Tuesday, Start = new(22, 0), End = new(23, 0), ResponsibleKommune = Furesø, AgentIds = [Agent(Furesø, 1)] };

        Find(Partnership(extra), Tuesday, Tuesday).Should().BeEmpty();
    }

    [Fact]
    public void An_agent_rostered_at_the_same_time_in_another_partnership_is_double_booked()
    {
        var other = Partnership() with { Id = "other", Members = [Furesø, Roskilde] };

        var conflicts = Find(Partnership(), Tuesday, Tuesday, null, other);

        conflicts.Should().HaveCount(2).And.OnlyContain(c => c.Kind == RotaConflictKind.DoubleBooked && c.Other!.PartnershipId == "other");
        conflicts.Select(c => c.AgentId).Should().BeEquivalentTo(AgentsOf(Furesø));
        conflicts.Should().OnlyContain(c => c.Slot.PartnershipId == PartnershipId);
    }

    [Fact]
    public void A_slot_with_nobody_rostered_is_unstaffed_and_not_also_understaffed()
    {
        var nobody = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.ExtraSlot, Date = new(2026, 11, 28), Start = new(10, 0), End = new(12, 0), ResponsibleKommune = Sorø };

        var conflict = Find(Partnership(nobody), Monday, Friday.AddDays(1)).Should().ContainSingle().Subject;

        conflict.Kind.Should().Be(RotaConflictKind.Unstaffed);
        conflict.Slot.ExtraSlotId.Should().Be(nobody.Id);
    }

    [Fact]
    public void A_turn_without_agents_leaves_every_slot_of_that_week_unstaffed()
    {
        var partnership = Partnership() with { Patterns = [.. Patterns().Select(p => p with { Rotation = WithTurn(p.Rotation, 2, new RotationTurn(Furesø, [])) })] };

        var conflicts = Find(partnership, Monday, Friday);

        conflicts.Should().HaveCount(5).And.OnlyContain(c => c.Kind == RotaConflictKind.Unstaffed);
        Find(partnership, Monday.AddDays(7), Friday.AddDays(7)).Should().BeEmpty("Holbæk's week has its agents");
    }

    [Fact]
    public void A_rostered_agent_from_a_kommune_outside_the_partnership_is_reported()
    {
        var roskildeAgent = Agent(Roskilde, 1);
        var swap = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Swap, Date = Tuesday, FromAgentId = Agent(Furesø, 1), ToAgentId = roskildeAgent };

        var conflict = Find(Partnership(swap), Monday, Friday, Directory((roskildeAgent, Roskilde))).Should().ContainSingle().Subject;

        conflict.Kind.Should().Be(RotaConflictKind.AgentOutsidePartnership);
        conflict.AgentId.Should().Be(roskildeAgent);
        conflict.Date.Should().Be(Tuesday);
    }

    [Fact]
    public void A_rostered_agent_unknown_to_the_directory_counts_as_outside_the_partnership()
    {
        var ghost = Guid.NewGuid();
        var swap = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Swap, Date = Tuesday, FromAgentId = Agent(Furesø, 1), ToAgentId = ghost };

        Find(Partnership(swap), Tuesday, Tuesday).Should().ContainSingle(c => c.Kind == RotaConflictKind.AgentOutsidePartnership && c.AgentId == ghost);
    }

    [Fact]
    public void A_slot_with_fewer_agents_than_its_minimum_is_understaffed()
    {
        var partnership = Partnership() with { Patterns = [.. Patterns().Select(p => p with { MinAgents = 3 })] };

        var conflicts = Find(partnership, Monday, Friday);

        conflicts.Should().HaveCount(5).And.OnlyContain(c => c.Kind == RotaConflictKind.UnderStaffed);
        conflicts.Select(c => c.Date).Should().Equal(Monday, Tuesday, Tuesday.AddDays(1), Tuesday.AddDays(2), Friday);
    }

    [Fact]
    public void A_swap_that_makes_one_agent_cover_both_places_is_not_understaffed_when_the_minimum_is_one()
    {
        var swap = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Swap, Date = Tuesday, FromAgentId = Agent(Furesø, 1), ToAgentId = Agent(Furesø, 2) };

        Find(Partnership(swap), Tuesday, Tuesday).Should().BeEmpty();
        var strict = Partnership(swap) with { Patterns = [.. Patterns().Select(p => p with { MinAgents = 2 })] };
        Find(strict, Tuesday, Tuesday).Should().ContainSingle(c => c.Kind == RotaConflictKind.UnderStaffed);
    }

    [Fact]
    public void Cancelled_and_holiday_closed_slots_have_no_conflicts_even_without_agents()
    {
        var partnership = Partnership(new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = Tuesday }) with
        {
            Patterns = [.. Patterns().Select(p => p with { Rotation = p.Rotation with { Turns = [.. p.Rotation.Turns.Select(t => t with { AgentIds = [] })] } })],
        };

        Find(partnership, Tuesday, Tuesday).Should().BeEmpty();
        Find(partnership, new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26)).Should().BeEmpty();
        Find(partnership, Tuesday.AddDays(1), Tuesday.AddDays(1)).Should().ContainSingle(c => c.Kind == RotaConflictKind.Unstaffed);
    }

    private static Rotation WithTurn(Rotation rotation, int index, RotationTurn turn) =>
        rotation with { Turns = [.. rotation.Turns.Select((t, i) => i == index ? turn : t)] };
}
