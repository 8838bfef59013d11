using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class RotaExceptionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateOnly Tuesday = Today;
    private static readonly DateOnly Juledag = new(2026, 12, 25);

    private static IReadOnlyList<RotaViolation> Check(RotaException exception, bool overnight = false, Partnership? partnership = null) =>
        RotaExceptionRules.Check(exception, overnight, partnership ?? Partnership(), RotaRulesTests.Directory(), Today);

    private static RotaException Swap(Guid? from, Guid? to, DateOnly? date = null, Guid? pattern = null) =>
        new() { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Swap, Date = date ?? Tuesday, PatternId = pattern, FromAgentId = from, ToAgentId = to };

    [Fact]
    public void A_swap_from_a_rostered_agent_to_a_known_agent_is_valid() =>
        Check(Swap(Agent(Furesø, 1), Agent(Sorø, 1), pattern: MonThuPatternId)).Should().BeEmpty();

    [Fact]
    public void A_swap_from_an_agent_not_rostered_that_day_is_refused() =>
        Check(Swap(Agent(Holbæk, 1), Agent(Sorø, 1))).Should().ContainSingle().Which.Field.Should().Be("fromAgentId");

    [Fact]
    public void A_swap_on_the_Friday_pattern_for_a_Tuesday_is_refused() =>
        Check(Swap(Agent(Furesø, 1), Agent(Sorø, 1), pattern: FridayPatternId)).Should().ContainSingle().Which.Field.Should().Be("fromAgentId");

    [Fact]
    public void A_swap_to_an_unknown_agent_or_to_oneself_is_refused()
    {
        Check(Swap(Agent(Furesø, 1), Guid.NewGuid())).Should().ContainSingle().Which.Field.Should().Be("toAgentId");
        Check(Swap(Agent(Furesø, 1), Agent(Furesø, 1))).Should().ContainSingle().Which.Message.Should().Contain("themselves");
    }

    [Fact]
    public void A_swap_without_agents_names_both_missing_fields() =>
        Check(Swap(null, null)).Select(v => v.Field).Should().BeEquivalentTo("fromAgentId", "toAgentId");

    [Fact]
    public void A_swap_can_follow_an_earlier_swap_of_the_same_day()
    {
        var first = Swap(Agent(Furesø, 1), Agent(Sorø, 1));
        var second = Swap(Agent(Sorø, 1), Agent(Holbæk, 1));

        Check(second, partnership: Partnership(first)).Should().BeEmpty();
        Check(second).Should().ContainSingle().Which.Field.Should().Be("fromAgentId");
    }

    [Fact]
    public void Dates_in_the_past_or_more_than_two_years_ahead_are_out_of_range()
    {
        Check(Swap(Agent(Furesø, 1), Agent(Sorø, 1), Today.AddDays(-1))).Should().ContainSingle().Which.Field.Should().Be("date");
        var far = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = Today.AddDays(RotaExceptionRules.MaxDaysAhead + 1) };
        Check(far).Should().ContainSingle().Which.Field.Should().Be("date");
    }

    [Fact]
    public void Cancelling_a_day_without_a_slot_is_refused()
    {
        var sunday = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = new DateOnly(2026, 11, 29) };

        Check(sunday).Should().ContainSingle().Which.Field.Should().Be("date");
    }

    [Fact]
    public void Cancelling_an_unknown_pattern_is_refused() =>
        Check(new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = Tuesday, PatternId = Guid.NewGuid() })
            .Should().ContainSingle().Which.Field.Should().Be("patternId");

    [Fact]
    public void The_same_cancellation_twice_is_refused()
    {
        var cancel = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = Tuesday, PatternId = MonThuPatternId };

        Check(cancel with { Id = Guid.NewGuid() }, partnership: Partnership(cancel)).Should().ContainSingle().Which.Field.Should().Be("date");
        Check(cancel, partnership: Partnership(cancel)).Should().BeEmpty("editing an exception does not collide with itself");
    }

    [Fact]
    public void Opening_on_juledag_is_valid_but_opening_on_an_ordinary_day_is_refused()
    {
        var juledag = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.OpenOnHoliday, Date = Juledag, PatternId = FridayPatternId };

        Check(juledag).Should().BeEmpty();
        Check(juledag with { Date = new DateOnly(2026, 12, 4) }).Should().ContainSingle().Which.Message.Should().Contain("neither a public holiday");
    }

    [Fact]
    public void An_extra_slot_needs_times_a_member_kommune_and_known_agents()
    {
        var extra = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.ExtraSlot, Date = Tuesday, ResponsibleKommune = 265, AgentIds = [Guid.Empty] };

        Check(extra).Select(v => v.Field).Should().BeEquivalentTo("start", "end", "responsibleKommune", "agentIds");
    }

    [Fact]
    public void An_extra_slot_ending_before_it_starts_is_refused_unless_overnight()
    {
        var extra = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.ExtraSlot, Date = Tuesday, Start = new(23, 0), End = new(1, 0), ResponsibleKommune = Sorø, AgentIds = AgentsOf(Sorø) };

        Check(extra).Should().ContainSingle().Which.Field.Should().Be("end");
        Check(extra, overnight: true).Should().BeEmpty();
    }

    [Fact]
    public void Fields_of_other_kinds_are_refused_rather_than_ignored()
    {
        var cancel = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = Tuesday, Start = new(15, 0), FromAgentId = Agent(Furesø, 1) };

        Check(cancel).Should().HaveCount(2).And.OnlyContain(v => v.Field == "kind");
    }

    [Fact]
    public void A_note_longer_than_the_limit_or_with_line_breaks_is_refused()
    {
        var cancel = new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = Tuesday, Note = "Personalemøde\nkl. 15" };

        Check(cancel).Should().ContainSingle().Which.Field.Should().Be("note");
        Check(cancel with { Note = new string('x', RotaExceptionRules.MaxNoteLength + 1) }).Should().ContainSingle().Which.Field.Should().Be("note");
    }
}
