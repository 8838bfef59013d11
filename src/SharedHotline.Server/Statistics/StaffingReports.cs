using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Statistics;

namespace SharedHotline.Server.Statistics;

/// <summary>
/// Checks a partnership's rota against forecast demand: each shared slot's hours of the week are forecast from the
/// last weeks of its members' chats (<see cref="DemandForecast"/>), the agents needed for the partnership's service
/// level computed with Erlang A (<see cref="StaffingNeed"/>), and the slot marked under-, well- or over-staffed by its
/// busiest hour.
/// </summary>
public sealed class StaffingReports(StatisticsReads reads, HotlineDbContext db, TimeProvider time)
{
    public const int DefaultWeeks = DemandForecast.DefaultWeeks;

    public async Task<StaffingView> ForAsync(Partnership partnership, StatPeriod period, int weeks, CancellationToken ct)
    {
        var (slots, concurrency) = await SlotsAsync(partnership, period, weeks, ct);
        return new StaffingView(partnership.Id, period.From, period.To, weeks, partnership.ServiceLevelSeconds, partnership.ServiceLevelTarget, concurrency, slots.Select(s => s.Staffing).ToList());
    }

    /// <summary>Each slot of the period with its staffing against the forecast, and the concurrency assumed.</summary>
    public async Task<(IReadOnlyList<(ShiftSlot Slot, SlotStaffing Staffing)> Slots, int Concurrency)> SlotsAsync(Partnership partnership, StatPeriod period, int weeks, CancellationToken ct)
    {
        var zone = RotaSnapshot.Copenhagen;
        var until = Instant.Min(period.Start, Instant.FromDateTimeOffset(time.GetUtcNow()));
        var history = await reads.HoursAsync(partnership.Members, until - Duration.FromDays(7 * weeks + 1), until, ct);
        var forecast = DemandForecast.ForWeek(history, until, zone, weeks);
        var concurrency = await ConcurrencyAsync(partnership, ct);
        var slots = RotaCalendar.SlotsBetween(partnership, period.From, period.To, zone);
        var views = slots.Select(slot =>
        {
            var needs = HoursOf(slot, zone)
                .Select(hour => forecast[hour])
                .Select(d => (Demand: d, Need: StaffingNeed.For(d.ArrivalsPerHour, d.MeanHandleSeconds, d.MeanPatienceSeconds, concurrency, partnership.ServiceLevelTarget, partnership.ServiceLevelSeconds)))
                .ToList();
            var busiest = needs.OrderByDescending(n => n.Need.Agents).ThenByDescending(n => n.Demand.ArrivalsPerHour).FirstOrDefault();
            // An open slot needs someone even when the forecast expects no chats.
            var needed = Math.Max(1, busiest.Need?.Agents ?? 1);
            return (slot, new SlotStaffing(
                slot.Start.ToDateTimeOffset(),
                slot.End.ToDateTimeOffset(),
                slot.ResponsibleKommune,
                slot.AgentIds.Count,
                needed,
                StaffingVerdict.For(slot.AgentIds.Count, needed).ToString().ToLowerInvariant(),
                Math.Round(busiest.Demand?.ArrivalsPerHour ?? 0, 2),
                Math.Round(busiest.Need?.ServiceLevel ?? 1, 3)));
        }).ToList();
        return (views, concurrency);
    }

    /// <summary>How many chats an agent of the partnership handles at once: the members' agents' usual capacity.</summary>
    private async Task<int> ConcurrencyAsync(Partnership partnership, CancellationToken ct)
    {
        var capacities = await db.Staff.AsNoTracking().Where(s => partnership.Members.Contains(s.HomeKommune) && !s.Disabled).Select(s => s.Capacity).ToListAsync(ct);
        return capacities.Count == 0 ? 2 : Math.Max(1, (int)Math.Round(capacities.Average()));
    }

    /// <summary>The wall-clock hours of the week a slot touches (a slot of 16:00-22:00 touches six).</summary>
    private static IEnumerable<HourOfWeek> HoursOf(ShiftSlot slot, DateTimeZone zone)
    {
        for (var t = StatHour.HourOf(slot.Start); t < slot.End; t += Duration.FromHours(1))
        {
            yield return HourOfWeek.Of(t, zone);
        }
    }
}
