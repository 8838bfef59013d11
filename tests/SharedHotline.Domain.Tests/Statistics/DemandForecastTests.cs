using NodaTime;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class DemandForecastTests
{
    private static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    // Monday 30 November 2026, midnight: the window is the eight weeks from Monday 5 October, clocks going back on 25 October.
    private static readonly Instant Until = new LocalDateTime(2026, 11, 30, 0, 0).InZoneStrictly(Copenhagen).ToInstant();
    private static readonly HourOfWeek Tuesday20 = new(IsoDayOfWeek.Tuesday, 20);
    private static readonly HourOfWeek Wednesday19 = new(IsoDayOfWeek.Wednesday, 19);
    private static readonly HourOfWeek Thursday21 = new(IsoDayOfWeek.Thursday, 21);

    private static Instant Local(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, month, day, hour, minute).InZoneStrictly(Copenhagen).ToInstant();

    private static ChatOutcome Answered(Instant start, double wait, double handle) =>
        new(Guid.NewGuid(), 210, "pas", start, start + Duration.FromSeconds(wait), start + Duration.FromSeconds(wait + handle), 210, ServedIn.Shared, false);

    private static ChatOutcome Abandoned(Instant start, double wait) =>
        new(Guid.NewGuid(), 210, "pas", start, null, start + Duration.FromSeconds(wait), null, null, true);

    /// <summary>Tuesdays 20-21: week w has w+1 chats waiting 10 s and handled 300 s, the first week one more abandoned after 90 s.
    /// Wednesday 19-20 of the first week: two abandoned after 30 s. Thursday 21-22 of the last week: one handled 600 s.</summary>
    private static List<ChatOutcome> History()
    {
        var chats = new List<ChatOutcome>();
        for (var week = 0; week < 8; week++)
        {
            var tuesday = new LocalDate(2026, 10, 6).PlusWeeks(week);
            for (var i = 0; i <= week; i++)
            {
                chats.Add(Answered(Local(tuesday.Month, tuesday.Day, 20, i * 5), 10, 300));
            }
        }

        chats.Add(Abandoned(Local(10, 6, 20, 50), 90));
        chats.Add(Abandoned(Local(10, 7, 19, 0), 30));
        chats.Add(Abandoned(Local(10, 7, 19, 10), 30));
        chats.Add(Answered(Local(11, 26, 21, 0), 10, 600));
        // The Tuesday before the window is not counted.
        chats.AddRange(Enumerable.Range(0, 20).Select(i => Answered(Local(9, 29, 20, i), 10, 300)));
        return chats;
    }

    private static readonly IReadOnlyDictionary<HourOfWeek, SlotDemand> Forecast =
        DemandForecast.ForWeek(StatHour.Fold(History()), Until, Copenhagen);

    [Fact]
    public void A_slots_arrivals_are_its_chats_averaged_over_the_weeks()
    {
        var tuesday = Forecast[Tuesday20];

        // 1 + 2 + ... + 8 answered and one abandoned over eight Tuesday evenings.
        tuesday.Offered.Should().Be(37);
        tuesday.HoursObserved.Should().Be(8);
        tuesday.ArrivalsPerHour.Should().BeApproximately(37 / 8.0, 1e-12);
        tuesday.MeanHandleSeconds.Should().BeApproximately(300, 1e-9);
        // 36 waits of 10 s and one of 90 s, one citizen giving up.
        tuesday.MeanPatienceSeconds.Should().BeApproximately(450, 1e-9);
    }

    [Fact]
    public void A_slot_without_answered_chats_takes_the_windows_handle_time()
    {
        var wednesday = Forecast[Wednesday19];

        wednesday.ArrivalsPerHour.Should().BeApproximately(2 / 8.0, 1e-12);
        wednesday.MeanHandleSeconds.Should().BeApproximately(((36 * 300) + 600) / 37.0, 1e-9);
        wednesday.MeanPatienceSeconds.Should().BeApproximately(30, 1e-9);
    }

    [Fact]
    public void A_slot_where_nobody_gave_up_takes_the_windows_patience()
    {
        // All waits 360 + 90 + 60 + 10 s over three who gave up.
        Forecast[Thursday21].MeanPatienceSeconds.Should().BeApproximately(520 / 3.0, 1e-9);
        Forecast[Thursday21].MeanHandleSeconds.Should().BeApproximately(600, 1e-9);
    }

    [Fact]
    public void Every_hour_of_the_week_is_forecast_and_empty_hours_expect_no_chats()
    {
        Forecast.Should().HaveCount(168);
        Forecast[new HourOfWeek(IsoDayOfWeek.Monday, 3)].ArrivalsPerHour.Should().Be(0);
        Forecast.Values.Sum(f => f.Offered).Should().Be(37 + 2 + 1);
    }

    [Fact]
    public void The_doubled_hour_of_the_night_clocks_go_back_divides_by_nine()
    {
        var night = Instant.FromUtc(2026, 10, 25, 0, 30);
        var chats = new[] { Answered(night, 5, 60), Answered(night + Duration.FromHours(1), 5, 60), Answered(night + Duration.FromHours(1), 5, 60) };

        var sunday2 = DemandForecast.ForWeek(StatHour.Fold(chats), Until, Copenhagen)[new HourOfWeek(IsoDayOfWeek.Sunday, 2)];

        sunday2.HoursObserved.Should().Be(9);
        sunday2.ArrivalsPerHour.Should().BeApproximately(3 / 9.0, 1e-12);
    }

    [Fact]
    public void Without_history_the_defaults_apply()
    {
        var empty = DemandForecast.ForWeek([], Until, Copenhagen, weeks: 4, defaultHandleSeconds: 400, defaultPatienceSeconds: 200);

        empty[Tuesday20].Should().Be(new SlotDemand(Tuesday20, 0, 400, 200, 4, 0));
    }

    [Fact]
    public void Fewer_weeks_look_only_at_the_latest()
    {
        // The last two Tuesdays had 7 and 8 chats.
        DemandForecast.ForWeek(StatHour.Fold(History()), Until, Copenhagen, weeks: 2)[Tuesday20].ArrivalsPerHour.Should().Be(7.5);
    }

    [Fact]
    public void The_forecast_gives_each_slot_its_staffing_need()
    {
        var needs = DemandForecast.Needs(Forecast, concurrency: 2);

        needs[new HourOfWeek(IsoDayOfWeek.Monday, 3)].Agents.Should().Be(0);
        needs[Tuesday20].Should().Be(StaffingNeed.For(37 / 8.0, 300, 450, 2));
        needs[Tuesday20].Agents.Should().BeGreaterThanOrEqualTo(1);
    }
}
