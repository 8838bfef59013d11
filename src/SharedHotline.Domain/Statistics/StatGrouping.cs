using NodaTime;

namespace SharedHotline.Domain.Statistics;

/// <summary>
/// Groups UTC hour buckets by wall-clock day or hour of the week in a zone (Europe/Copenhagen for the hotline).
/// Because Danish offsets are whole hours, every UTC hour is exactly one local hour; the zone decides which.
/// </summary>
public static class StatGrouping
{
    /// <summary>The figures per wall-clock hour of the week; hours without buckets are absent.</summary>
    public static IReadOnlyDictionary<HourOfWeek, StatFigures> ByHourOfWeek(IEnumerable<StatHour> buckets, DateTimeZone zone) =>
        buckets
            .GroupBy(b => HourOfWeek.Of(b.HourStart, zone))
            .ToDictionary(g => g.Key, g => StatHour.Sum(g));

    /// <summary>The figures per local date; dates without buckets are absent.</summary>
    public static IReadOnlyDictionary<LocalDate, StatFigures> ByDay(IEnumerable<StatHour> buckets, DateTimeZone zone) =>
        buckets
            .GroupBy(b => b.HourStart.InZone(zone).Date)
            .ToDictionary(g => g.Key, g => StatHour.Sum(g));

    /// <summary>The figures per citizen's kommune.</summary>
    public static IReadOnlyDictionary<int, StatFigures> ByKommune(IEnumerable<StatHour> buckets) =>
        buckets
            .GroupBy(b => b.KommuneKode)
            .ToDictionary(g => g.Key, g => StatHour.Sum(g));

    /// <summary>
    /// How many UTC hours of [<paramref name="from"/>, <paramref name="to"/>) fall on each wall-clock hour of the week:
    /// the exposure a per-hour rate divides by (a week has one of each, except around the changes of clock).
    /// </summary>
    public static IReadOnlyDictionary<HourOfWeek, int> HoursIn(Instant from, Instant to, DateTimeZone zone)
    {
        var hours = new Dictionary<HourOfWeek, int>();
        for (var hour = StatHour.HourOf(from); hour < to; hour += Duration.FromHours(1))
        {
            if (hour < from)
            {
                continue;
            }

            var slot = HourOfWeek.Of(hour, zone);
            hours[slot] = hours.GetValueOrDefault(slot) + 1;
        }

        return hours;
    }
}
