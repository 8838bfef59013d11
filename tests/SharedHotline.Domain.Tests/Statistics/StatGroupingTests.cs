using NodaTime;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class StatGroupingTests
{
    private static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    private static StatHour Bucket(Instant hour, int offered) =>
        new(340, hour, Enumerable.Range(0, offered).Aggregate(StatFigures.Empty,
            (f, _) => f.Add(TenChats.Abandoned(0, 340, 30) with { StartedAt = hour, EndedAt = hour + Duration.FromSeconds(30) })));

    [Fact]
    public void Hours_of_the_week_run_from_Monday_00_to_Sunday_23()
    {
        HourOfWeek.All.Should().HaveCount(168);
        HourOfWeek.All[0].Should().Be(new HourOfWeek(IsoDayOfWeek.Monday, 0));
        HourOfWeek.All[167].Should().Be(new HourOfWeek(IsoDayOfWeek.Sunday, 23));
        new HourOfWeek(IsoDayOfWeek.Tuesday, 20).Index.Should().Be(44);
        HourOfWeek.FromIndex(44).ToString().Should().Be("Tuesday 20");
        FluentActions.Invoking(() => new HourOfWeek(IsoDayOfWeek.Monday, 24)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_winter_UTC_hour_is_an_hour_later_in_Copenhagen_and_a_summer_one_two()
    {
        HourOfWeek.Of(Instant.FromUtc(2026, 11, 24, 19, 0), Copenhagen).Should().Be(new HourOfWeek(IsoDayOfWeek.Tuesday, 20));
        HourOfWeek.Of(Instant.FromUtc(2026, 6, 16, 19, 0), Copenhagen).Should().Be(new HourOfWeek(IsoDayOfWeek.Tuesday, 21));
        HourOfWeek.Of(Instant.FromUtc(2026, 11, 29, 23, 30), Copenhagen).Should().Be(new HourOfWeek(IsoDayOfWeek.Monday, 0));
    }

    [Fact]
    public void When_clocks_go_back_two_UTC_hours_fall_on_Sunday_02()
    {
        // 25 October 2026: 00:00-01:00 UTC is 02-03 summer time, 01:00-02:00 UTC is 02-03 winter time.
        var buckets = new[] { Bucket(Instant.FromUtc(2026, 10, 25, 0, 0), 2), Bucket(Instant.FromUtc(2026, 10, 25, 1, 0), 3) };

        var byHour = StatGrouping.ByHourOfWeek(buckets, Copenhagen);

        byHour.Should().ContainSingle().Which.Should().Be(
            new KeyValuePair<HourOfWeek, StatFigures>(new HourOfWeek(IsoDayOfWeek.Sunday, 2), StatHour.Sum(buckets)));
        byHour.Single().Value.Offered.Should().Be(5);
    }

    [Fact]
    public void When_clocks_go_forward_Sunday_02_has_no_hour()
    {
        // 29 March 2026: 01:00 UTC is 03:00 summer time.
        var hours = StatGrouping.HoursIn(Instant.FromUtc(2026, 3, 28, 23, 0), Instant.FromUtc(2026, 3, 29, 3, 0), Copenhagen);

        hours.Keys.Select(h => h.ToString()).Should().Equal("Sunday 00", "Sunday 01", "Sunday 03", "Sunday 04");
    }

    [Fact]
    public void Eight_local_weeks_have_eight_of_every_hour_and_nine_of_the_doubled_one()
    {
        var from = new LocalDateTime(2026, 9, 7, 0, 0).InZoneStrictly(Copenhagen).ToInstant();
        var to = new LocalDateTime(2026, 11, 2, 0, 0).InZoneStrictly(Copenhagen).ToInstant();

        var hours = StatGrouping.HoursIn(from, to, Copenhagen);

        hours.Should().HaveCount(168);
        hours[new HourOfWeek(IsoDayOfWeek.Sunday, 2)].Should().Be(9);
        hours.Where(h => h.Key != new HourOfWeek(IsoDayOfWeek.Sunday, 2)).Should().OnlyContain(h => h.Value == 8);
    }

    [Fact]
    public void Buckets_group_by_local_day_and_by_kommune()
    {
        // 23:00 UTC on 24 November is already 25 November in Copenhagen.
        var late = Bucket(Instant.FromUtc(2026, 11, 24, 23, 0), 1);
        var evening = Bucket(Instant.FromUtc(2026, 11, 24, 19, 0), 2);

        var byDay = StatGrouping.ByDay([late, evening], Copenhagen);

        byDay[new LocalDate(2026, 11, 24)].Offered.Should().Be(2);
        byDay[new LocalDate(2026, 11, 25)].Offered.Should().Be(1);
        StatGrouping.ByKommune([late, evening])[340].Offered.Should().Be(3);
    }
}
