using NodaTime;

namespace SharedHotline.Domain.Statistics;

/// <summary>The forecast demand of one wall-clock hour of the week: what <see cref="StaffingNeed.For"/> takes.</summary>
/// <param name="ArrivalsPerHour">Chats offered in the slot's hours of the window, per hour.</param>
/// <param name="MeanHandleSeconds">The slot's mean handle time; the window's, or the default, when the slot answered none.</param>
/// <param name="MeanPatienceSeconds">The slot's mean patience (see <see cref="StatFigures.MeanPatienceSeconds"/>); the window's, or the default, when nobody in the slot gave up.</param>
/// <param name="HoursObserved">How many real hours of the window fell on the slot (8 in 8 weeks, one more or less around a change of clock).</param>
/// <param name="Offered">Chats offered in those hours.</param>
public sealed record SlotDemand(HourOfWeek Slot, double ArrivalsPerHour, double MeanHandleSeconds, double MeanPatienceSeconds, int HoursObserved, int Offered);

/// <summary>
/// Forecasts each hour of the coming week from the same wall-clock hour of the last weeks: a plain average. Every hour
/// of the window counts, so a week the hotline was closed in that hour (a holiday) pulls the average down: kept simple
/// on purpose, and the caller may pass history without such weeks. Pass the buckets of the kommuner whose chats the
/// slot's staff answer (a partnership's shared slots: all its members).
/// </summary>
public static class DemandForecast
{
    public const int DefaultWeeks = 8;

    /// <summary>Handle time assumed with no answered chat in the whole window: eight minutes.</summary>
    public const double DefaultHandleSeconds = 480;

    /// <summary>Patience assumed with nobody having given up in the whole window: five minutes, the overflow partner's wait limit.</summary>
    public const double DefaultPatienceSeconds = 300;

    /// <summary>
    /// The forecast of all 168 hours of the week from the <paramref name="weeks"/> weeks before <paramref name="until"/>
    /// (wall-clock weeks in <paramref name="zone"/>). Buckets outside that window are ignored.
    /// </summary>
    public static IReadOnlyDictionary<HourOfWeek, SlotDemand> ForWeek(
        IEnumerable<StatHour> history,
        Instant until,
        DateTimeZone zone,
        int weeks = DefaultWeeks,
        double defaultHandleSeconds = DefaultHandleSeconds,
        double defaultPatienceSeconds = DefaultPatienceSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weeks);
        var from = (until.InZone(zone).LocalDateTime - Period.FromWeeks(weeks)).InZoneLeniently(zone).ToInstant();
        var window = history.Where(b => b.HourStart >= from && b.HourStart < until).ToList();
        var bySlot = StatGrouping.ByHourOfWeek(window, zone);
        var hours = StatGrouping.HoursIn(from, until, zone);
        var pooled = StatHour.Sum(window);
        var handle = pooled.MeanHandleSeconds ?? defaultHandleSeconds;
        var patience = pooled.MeanPatienceSeconds ?? defaultPatienceSeconds;

        return HourOfWeek.All.ToDictionary(slot => slot, slot =>
        {
            var figures = bySlot.GetValueOrDefault(slot) ?? StatFigures.Empty;
            var observed = hours.GetValueOrDefault(slot);
            return new SlotDemand(
                slot,
                observed == 0 ? 0 : (double)figures.Offered / observed,
                figures.MeanHandleSeconds ?? handle,
                figures.MeanPatienceSeconds ?? patience,
                observed,
                figures.Offered);
        });
    }

    /// <summary>The agents each hour of the week needs, by <see cref="StaffingNeed.For"/> with the slot's forecast.</summary>
    public static IReadOnlyDictionary<HourOfWeek, StaffingNeed> Needs(
        IReadOnlyDictionary<HourOfWeek, SlotDemand> forecast,
        int concurrency = StaffingNeed.DefaultConcurrency,
        double serviceLevelTarget = StaffingNeed.DefaultServiceLevelTarget,
        double thresholdSeconds = StatFigures.DefaultThresholdSeconds) =>
        forecast.ToDictionary(f => f.Key, f => StaffingNeed.For(
            f.Value.ArrivalsPerHour, f.Value.MeanHandleSeconds, f.Value.MeanPatienceSeconds, concurrency, serviceLevelTarget, thresholdSeconds));
}
