using NodaTime;

namespace SharedHotline.Domain.Statistics;

/// <summary>A wall-clock hour of the week, Monday 00-01 (<see cref="Index"/> 0) to Sunday 23-24 (167).</summary>
public readonly record struct HourOfWeek
{
    public HourOfWeek(IsoDayOfWeek day, int hour)
    {
        if (day == IsoDayOfWeek.None)
        {
            throw new ArgumentOutOfRangeException(nameof(day));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        Day = day;
        Hour = hour;
    }

    public IsoDayOfWeek Day { get; }

    /// <summary>The hour of the day, 0-23: the slot from Hour:00 to Hour+1:00.</summary>
    public int Hour { get; }

    /// <summary>0 for Monday 00 to 167 for Sunday 23.</summary>
    public int Index => (((int)Day - 1) * 24) + Hour;

    /// <summary>All 168 hours of the week in order.</summary>
    public static IReadOnlyList<HourOfWeek> All { get; } = [.. Enumerable.Range(0, 168).Select(FromIndex)];

    public static HourOfWeek FromIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 167);
        return new HourOfWeek((IsoDayOfWeek)((index / 24) + 1), index % 24);
    }

    /// <summary>
    /// The wall-clock hour of the week of <paramref name="instant"/> in <paramref name="zone"/>. On the night clocks go
    /// back, two UTC hours fall on the same wall-clock hour; on the night they go forward, one wall-clock hour has none.
    /// </summary>
    public static HourOfWeek Of(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return new HourOfWeek(local.DayOfWeek, local.Hour);
    }

    public override string ToString() => $"{Day} {Hour:00}";
}
