using NodaTime;
using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class ClosedDaysTests
{
    [Fact]
    public void Christmas_week_2026_has_shared_slots_until_the_23rd_and_none_on_the_24th_25th_and_26th()
    {
        var slots = RotaCalendar.SlotsBetween(Partnership(), new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 27), Zone);

        slots.Select(s => s.Date).Should().Equal(new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 23));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(26)]
    public void No_shared_slot_runs_over_Christmas_2026(int day) =>
        SlotsOn(Partnership(), new DateOnly(2026, 12, day)).Should().BeEmpty();

    [Fact]
    public void An_OpenOnHoliday_exception_opens_the_juleaften_slot()
    {
        var partnership = Partnership(Dated(RotaExceptionKind.OpenOnHoliday, new DateOnly(2026, 12, 24), MonThuPatternId));

        var slot = SlotsOn(partnership, new DateOnly(2026, 12, 24)).Should().ContainSingle().Subject;
        slot.LocalStart.TimeOfDay.Should().Be(new LocalTime(15, 0));
        slot.LocalEnd.TimeOfDay.Should().Be(new LocalTime(22, 0));
        SlotsOn(partnership, new DateOnly(2026, 12, 25)).Should().BeEmpty("the exception opens one day only");
    }

    [Fact]
    public void An_OpenOnHoliday_exception_opens_the_juledag_slot_on_a_public_holiday()
    {
        var partnership = Partnership(Dated(RotaExceptionKind.OpenOnHoliday, new DateOnly(2026, 12, 25), FridayPatternId));

        SlotsOn(partnership, new DateOnly(2026, 12, 25)).Should().ContainSingle()
            .Which.LocalEnd.TimeOfDay.Should().Be(new LocalTime(18, 0));
    }

    [Fact]
    public void An_OpenOnHoliday_exception_for_another_pattern_leaves_the_day_closed()
    {
        var partnership = Partnership(Dated(RotaExceptionKind.OpenOnHoliday, new DateOnly(2026, 12, 24), FridayPatternId));

        SlotsOn(partnership, new DateOnly(2026, 12, 24)).Should().BeEmpty();
    }

    [Fact]
    public void Nytårsaften_2026_closes_the_Thursday_slot_and_nytårsdag_the_Friday_slot()
    {
        SlotsOn(Partnership(), new DateOnly(2026, 12, 31)).Should().BeEmpty();
        SlotsOn(Partnership(), new DateOnly(2027, 1, 1)).Should().BeEmpty();
    }

    [Fact]
    public void Grundlovsdag_closing_at_12_removes_the_Friday_afternoon_slot_of_5_June_2026() =>
        SlotsOn(Partnership(), new DateOnly(2026, 6, 5)).Should().BeEmpty();

    [Fact]
    public void Grundlovsdag_on_a_Thursday_in_2025_removes_the_evening_slot_too()
    {
        var partnership = Partnership() with { Patterns = Patterns().Select(p => p with { ValidFrom = new DateOnly(2025, 1, 1) }).ToList() };

        SlotsOn(partnership, new DateOnly(2025, 6, 5)).Should().BeEmpty();
        SlotsOn(partnership, new DateOnly(2025, 6, 4)).Should().ContainSingle();
    }

    [Fact]
    public void A_closed_day_starting_inside_a_slot_truncates_it()
    {
        var partnership = Partnership() with { ClosedDays = [new ClosedDay(6, 4, "Tidlig lukning", new TimeOnly(18, 0))] };

        var slot = SlotsOn(partnership, new DateOnly(2026, 6, 4)).Should().ContainSingle().Subject;
        slot.LocalStart.TimeOfDay.Should().Be(new LocalTime(15, 0));
        slot.LocalEnd.TimeOfDay.Should().Be(new LocalTime(18, 0));
        (slot.End - slot.Start).Should().Be(Duration.FromHours(3));
    }

    [Fact]
    public void A_closed_day_starting_after_the_slot_leaves_it_whole()
    {
        var partnership = Partnership() with { ClosedDays = [new ClosedDay(6, 4, "Sen lukning", new TimeOnly(23, 0))] };

        SlotsOn(partnership, new DateOnly(2026, 6, 4)).Single().LocalEnd.TimeOfDay.Should().Be(new LocalTime(22, 0));
    }

    [Fact]
    public void A_closed_day_removes_an_overnight_slot_that_would_start_after_closing()
    {
        var partnership = Overnight(new TimeOnly(22, 0), new TimeOnly(2, 0)) with { ClosedDays = [new ClosedDay(6, 4, "Grundlovsdag-agtig", new TimeOnly(12, 0))] };

        SlotsOn(partnership, new DateOnly(2026, 6, 4)).Should().BeEmpty();
        SlotsOn(partnership, new DateOnly(2026, 6, 3)).Should().ContainSingle();
    }

    [Fact]
    public void A_closed_day_starting_inside_an_overnight_slot_ends_it_at_closing_time()
    {
        var partnership = Overnight(new TimeOnly(22, 0), new TimeOnly(2, 0)) with { ClosedDays = [new ClosedDay(6, 4, "Lukker 23", new TimeOnly(23, 0))] };

        var slot = SlotsOn(partnership, new DateOnly(2026, 6, 4)).Should().ContainSingle().Subject;
        slot.LocalEnd.Should().Be(new LocalDateTime(2026, 6, 4, 23, 0));
        (slot.End - slot.Start).Should().Be(Duration.FromHours(1));
    }

    [Fact]
    public void An_OpenOnHoliday_exception_lifts_the_grundlovsdag_truncation()
    {
        var partnership = Partnership(Dated(RotaExceptionKind.OpenOnHoliday, new DateOnly(2026, 6, 5), null));

        SlotsOn(partnership, new DateOnly(2026, 6, 5)).Should().ContainSingle()
            .Which.LocalEnd.TimeOfDay.Should().Be(new LocalTime(18, 0));
    }

    [Theory]
    [InlineData(2026, 4, 2)] // skærtorsdag
    [InlineData(2026, 4, 3)] // langfredag
    [InlineData(2026, 4, 6)] // 2. påskedag
    [InlineData(2026, 5, 14)] // Kristi himmelfartsdag
    [InlineData(2026, 5, 25)] // 2. pinsedag
    public void Public_holidays_on_working_days_have_no_shared_slot(int year, int month, int day) =>
        SlotsOn(Partnership(), new DateOnly(year, month, day)).Should().BeEmpty();

    [Fact]
    public void København_stays_open_on_juledag_while_Sorø_is_closed()
    {
        var snapshot = Snapshot();
        var juledagEvening = Local(2026, 12, 25, 19, 0);

        snapshot.DutyAt(København, juledagEvening).Mode.Should().Be(OpeningMode.Own);
        snapshot.DutyAt(Sorø, juledagEvening).Mode.Should().Be(OpeningMode.Closed);
        snapshot.DutyAt(Sorø, Local(2026, 12, 25, 10, 0)).Mode.Should().Be(OpeningMode.Closed, "own hours close on public holidays");
    }

    private static Partnership Overnight(TimeOnly start, TimeOnly end) => Partnership() with
    {
        Patterns = [Patterns()[0] with { Start = start, End = end }],
    };

    private static RotaException Dated(RotaExceptionKind kind, DateOnly date, Guid? patternId) =>
        new() { Id = Guid.NewGuid(), Kind = kind, Date = date, PatternId = patternId };

    [Fact]
    public void A_member_kommunes_own_hours_follow_the_partnerships_closed_days_juleaften_and_grundlovsdag_afternoon()
    {
        var snapshot = Snapshot();

        snapshot.DutyAt(Sorø, Local(2026, 12, 23, 10, 0)).OwnHoursOpen.Should().BeTrue();
        snapshot.DutyAt(Sorø, Local(2026, 12, 24, 10, 0)).IsOpen.Should().BeFalse("juleaften is closed, own hours too");
        snapshot.DutyAt(Sorø, Local(2026, 12, 24, 16, 0)).IsOpen.Should().BeFalse();
        snapshot.DutyAt(Sorø, Local(2026, 12, 31, 10, 0)).IsOpen.Should().BeFalse("nytårsaften");
        snapshot.DutyAt(Sorø, Local(2029, 6, 5, 10, 0)).OwnHoursOpen.Should().BeTrue("grundlovsdag closes at 12:00");
        snapshot.DutyAt(Sorø, Local(2029, 6, 5, 13, 0)).OwnHoursOpen.Should().BeFalse();
    }
}

public class ClosedDayNameTests
{
    private readonly RotaSnapshot _rota = DemoRota.Snapshot();

    [Fact]
    public void On_juleaften_Sorø_is_closed_for_juleaften_and_on_juledag_for_the_holiday()
    {
        _rota.ClosedDayName(DemoRota.Sorø, DemoRota.Local(2026, 12, 24, 16, 0)).Should().Be("Juleaften");
        _rota.ClosedDayName(DemoRota.Sorø, DemoRota.Local(2026, 12, 25, 10, 0)).Should().Be("Juledag");
    }

    [Fact]
    public void Grundlovsdag_closes_from_noon_so_the_morning_has_no_closed_day()
    {
        _rota.ClosedDayName(DemoRota.Sorø, DemoRota.Local(2026, 6, 5, 11, 0)).Should().BeNull();
        _rota.ClosedDayName(DemoRota.Sorø, DemoRota.Local(2026, 6, 5, 13, 0)).Should().Be("Grundlovsdag");
    }

    [Fact]
    public void An_ordinary_evening_and_a_kommune_open_on_holidays_have_none()
    {
        _rota.ClosedDayName(DemoRota.Sorø, DemoRota.Local(2026, 11, 27, 19, 0)).Should().BeNull();
        _rota.ClosedDayName(DemoRota.København, DemoRota.Local(2026, 12, 24, 23, 0)).Should().BeNull();
    }
}
