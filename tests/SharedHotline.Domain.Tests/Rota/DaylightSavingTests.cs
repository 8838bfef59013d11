using NodaTime;
using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class DaylightSavingTests
{
    private static readonly Offset Winter = Offset.FromHours(1);
    private static readonly Offset Summer = Offset.FromHours(2);

    [Theory]
    [InlineData(2026, 3, 26, 1)] // Thursday before spring forward
    [InlineData(2026, 3, 30, 2)] // Monday after spring forward
    [InlineData(2026, 10, 22, 2)] // Thursday before fall back
    [InlineData(2026, 10, 26, 1)] // Monday after fall back
    public void The_evening_slot_is_15_to_22_local_with_the_seasons_offset_and_lasts_7_hours(int year, int month, int day, int offsetHours)
    {
        var slot = SlotsOn(Partnership(), new DateOnly(year, month, day)).Should().ContainSingle().Subject;

        var start = slot.Start.InZone(Zone);
        var end = slot.End.InZone(Zone);
        start.TimeOfDay.Should().Be(new LocalTime(15, 0));
        end.TimeOfDay.Should().Be(new LocalTime(22, 0));
        start.Offset.Should().Be(Offset.FromHours(offsetHours));
        end.Offset.Should().Be(Offset.FromHours(offsetHours));
        (slot.End - slot.Start).Should().Be(Duration.FromHours(7));
    }

    [Fact]
    public void The_Friday_before_spring_forward_ends_at_17_UTC_and_the_Monday_after_at_16_UTC()
    {
        var friday = SlotsOn(Partnership(), new DateOnly(2026, 3, 27)).Single();
        var monday = SlotsOn(Partnership(), new DateOnly(2026, 3, 30)).Single();

        friday.End.Should().Be(Instant.FromUtc(2026, 3, 27, 17, 0));
        monday.Start.Should().Be(Instant.FromUtc(2026, 3, 30, 13, 0));
        monday.End.Should().Be(Instant.FromUtc(2026, 3, 30, 20, 0));
    }

    [Fact]
    public void A_15_to_22_slot_on_the_spring_forward_Sunday_itself_still_lasts_7_hours()
    {
        var slot = SlotsOn(WithSundayPattern(new TimeOnly(15, 0), new TimeOnly(22, 0)), new DateOnly(2026, 3, 29)).Single();

        slot.Start.InZone(Zone).Offset.Should().Be(Summer);
        (slot.End - slot.Start).Should().Be(Duration.FromHours(7));
    }

    [Fact]
    public void A_slot_starting_at_02_30_inside_the_spring_gap_starts_at_03_30_summer_time()
    {
        var slot = SlotsOn(WithSundayPattern(new TimeOnly(2, 30), new TimeOnly(6, 0)), new DateOnly(2026, 3, 29)).Single();

        var start = slot.Start.InZone(Zone);
        start.LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 29, 3, 30));
        start.Offset.Should().Be(Summer);
        slot.Start.Should().Be(Instant.FromUtc(2026, 3, 29, 1, 30));
        slot.LocalStart.Should().Be(new LocalDateTime(2026, 3, 29, 2, 30), "the slot keeps its rostered wall-clock time");
        (slot.End - slot.Start).Should().Be(Duration.FromMinutes(150));
    }

    [Fact]
    public void An_ambiguous_02_30_on_25_October_takes_the_earlier_summer_time_occurrence()
    {
        var slot = SlotsOn(WithSundayPattern(new TimeOnly(2, 30), new TimeOnly(6, 0)), new DateOnly(2026, 10, 25)).Single();

        slot.Start.InZone(Zone).Offset.Should().Be(Summer);
        slot.Start.Should().Be(Instant.FromUtc(2026, 10, 25, 0, 30));
        slot.End.InZone(Zone).Offset.Should().Be(Winter);
        (slot.End - slot.Start).Should().Be(Duration.FromMinutes(270), "02:30 summer to 06:00 winter includes the repeated hour");
    }

    [Fact]
    public void RotaCalendar_ToInstant_applies_the_same_lenient_rule()
    {
        RotaCalendar.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), Zone).Should().Be(Instant.FromUtc(2026, 3, 29, 1, 30));
        RotaCalendar.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), Zone).Should().Be(Instant.FromUtc(2026, 10, 25, 0, 30));
    }

    [Fact]
    public void An_overnight_slot_across_spring_forward_is_one_hour_shorter()
    {
        var slot = SlotsOn(WithPattern(DayOfWeek.Saturday, new TimeOnly(22, 0), new TimeOnly(6, 0)), new DateOnly(2026, 3, 28)).Single();

        slot.LocalEnd.Should().Be(new LocalDateTime(2026, 3, 29, 6, 0));
        (slot.End - slot.Start).Should().Be(Duration.FromHours(7));
    }

    [Fact]
    public void An_overnight_slot_across_fall_back_is_one_hour_longer()
    {
        var slot = SlotsOn(WithPattern(DayOfWeek.Saturday, new TimeOnly(22, 0), new TimeOnly(6, 0)), new DateOnly(2026, 10, 24)).Single();

        (slot.End - slot.Start).Should().Be(Duration.FromHours(9));
    }

    [Fact]
    public void Duty_at_20_30_local_on_the_Monday_after_spring_forward_finds_the_slot()
    {
        var duty = Snapshot().DutyAt(Sorø, Instant.FromUtc(2026, 3, 30, 18, 30));

        duty.Mode.Should().Be(OpeningMode.Shared);
        duty.Slots.Single().Date.Should().Be(new DateOnly(2026, 3, 30));
    }

    private static Partnership WithSundayPattern(TimeOnly start, TimeOnly end) => WithPattern(DayOfWeek.Sunday, start, end);

    private static Partnership WithPattern(DayOfWeek day, TimeOnly start, TimeOnly end) => Partnership() with
    {
        Patterns =
        [
            new ShiftPattern
            {
                Id = Guid.NewGuid(),
                Days = [day],
                Start = start,
                End = end,
                ValidFrom = Anchor,
                Rotation = WeeklyRotation(),
            },
        ],
    };
}
