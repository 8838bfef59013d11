using NodaTime;
using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Rota;

namespace SharedHotline.Domain.Tests.Cases;

public sealed class MeetingTimesTests
{
    private static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];
    private static readonly WeeklyHours Weekdays = WeeklyHours.Create([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(15, 0));

    [Fact]
    public void Meetings_are_back_to_back_through_the_own_hours_of_open_days_from_the_next_time_after_now()
    {
        var now = At(2026, 11, 24, 10, 5);

        var times = MeetingTimes.Offered(new MeetingTopic("pas", 30), Weekdays, [], Copenhagen, now);

        times[0].LocalStart.Should().Be(new LocalDateTime(2026, 11, 24, 10, 30));
        times.Where(t => t.LocalStart.Date == new LocalDate(2026, 11, 24)).Should().HaveCount(9, "10:30 to 14:30 in half hours");
        times.Where(t => t.LocalStart.Date == new LocalDate(2026, 11, 25)).Should().HaveCount(12);
        times.Should().NotContain(t => t.LocalStart.DayOfWeek == IsoDayOfWeek.Saturday || t.LocalStart.DayOfWeek == IsoDayOfWeek.Sunday);
        times.Max(t => t.LocalStart.Date).Should().Be(new LocalDate(2026, 12, 7), "14 days from today");
        times.Should().OnlyContain(t => t.End - t.Start == Duration.FromMinutes(30));
    }

    [Fact]
    public void Public_holidays_and_closed_days_offer_nothing_and_a_closed_afternoon_ends_the_day_early()
    {
        var now = At(2026, 12, 21, 8, 0);
        ClosedDay[] closed = [new(12, 24, "Juleaften", new TimeOnly(12, 0)), new(12, 31, "Nytårsaften")];

        var times = MeetingTimes.Offered(new MeetingTopic("pas", 60), Weekdays, closed, Copenhagen, now);

        times.Should().NotContain(t => t.LocalStart.Date == new LocalDate(2026, 12, 25) || t.LocalStart.Date == new LocalDate(2026, 12, 31) || t.LocalStart.Date == new LocalDate(2027, 1, 1));
        times.Where(t => t.LocalStart.Date == new LocalDate(2026, 12, 24)).Select(t => t.LocalStart.Hour).Should().Equal(9, 10, 11);
    }

    [Fact]
    public void Times_are_wall_clock_times_across_the_change_to_summer_time()
    {
        var now = At(2027, 3, 24, 16, 0);

        var times = MeetingTimes.Offered(new MeetingTopic("pas", 60), Weekdays, [], Copenhagen, now);

        // Easter 2027 falls on the change (28 March), so 2. påskedag offers nothing and Tuesday is the next day.
        times.Should().NotContain(t => t.LocalStart.Date == new LocalDate(2027, 3, 29));
        var tuesday = times.First(t => t.LocalStart == new LocalDateTime(2027, 3, 30, 9, 0));
        tuesday.Start.InZone(Copenhagen).Offset.Should().Be(Offset.FromHours(2), "Tuesday 30 March is in summer time");
        tuesday.Start.Should().Be(Instant.FromUtc(2027, 3, 30, 7, 0));
    }

    [Fact]
    public void A_time_is_free_while_fewer_are_booked_than_there_are_places()
    {
        var times = MeetingTimes.Offered(new MeetingTopic("pas", 60), Weekdays, [], Copenhagen, At(2026, 11, 24, 8, 0));
        var first = times[0].Start;
        var second = times[1].Start;

        var free = MeetingTimes.Free(times, places: 2, new Dictionary<Instant, int> { [first] = 2, [second] = 1 });

        free.Should().NotContain(t => t.Start == first).And.Contain(t => t.Start == second);
        MeetingTimes.Free(times, places: 0, new Dictionary<Instant, int>()).Should().BeEmpty("nobody takes the topic");
    }

    private static Instant At(int y, int m, int d, int h, int min) => new LocalDateTime(y, m, d, h, min).InZoneLeniently(Copenhagen).ToInstant();
}
