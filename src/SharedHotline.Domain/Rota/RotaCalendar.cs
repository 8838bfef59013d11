using System.Collections.Concurrent;
using NodaTime;
using NodaTime.TimeZones;

namespace SharedHotline.Domain.Rota;

/// <summary>
/// Expands a partnership's patterns and exceptions into concrete slots.
/// Times are local wall-clock times. DST rule: a local time that falls in the spring-forward gap moves
/// forward by the gap's length (02:30 becomes 03:30); an ambiguous autumn time takes its earlier
/// occurrence (summer time). This is NodaTime's lenient resolver.
/// </summary>
public static class RotaCalendar
{
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> HolidaysByYear = new();

    public static string? HolidayName(DateOnly date) =>
        HolidaysByYear.GetOrAdd(date.Year, DanishHolidays.For).TryGetValue(date, out var name) ? name : null;

    public static Instant ToInstant(DateOnly date, TimeOnly time, DateTimeZone zone) =>
        ToLocal(date, time).InZone(zone, Resolvers.LenientResolver).ToInstant();

    public static LocalDateTime ToLocal(DateOnly date, TimeOnly time) =>
        LocalDate.FromDateOnly(date).At(LocalTime.FromTimeOnly(time));

    public static IReadOnlyList<ShiftSlot> SlotsBetween(Partnership partnership, DateOnly from, DateOnly to, DateTimeZone zone)
    {
        var slots = new List<ShiftSlot>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            AddSlotsOn(partnership, date, zone, slots);
        }

        return slots;
    }

    public static void AddSlotsOn(Partnership partnership, DateOnly date, DateTimeZone zone, List<ShiftSlot> slots)
    {
        var closedDay = partnership.ClosedDays.FirstOrDefault(c => c.Matches(date));
        var holiday = HolidayName(date) is not null;
        foreach (var pattern in partnership.Patterns)
        {
            if (!pattern.AppliesOn(date) || HasException(partnership, date, pattern.Id, RotaExceptionKind.Cancelled))
            {
                continue;
            }

            var openedExplicitly = HasException(partnership, date, pattern.Id, RotaExceptionKind.OpenOnHoliday);
            var end = pattern.End;
            if (!openedExplicitly && (holiday || closedDay is { ClosedFrom: null }))
            {
                continue;
            }

            if (!openedExplicitly && closedDay?.ClosedFrom is { } closedFrom)
            {
                if (closedFrom <= pattern.Start)
                {
                    continue;
                }

                // An overnight slot (End <= Start) runs past midnight, so a closing time later the same day always cuts it.
                end = pattern.End <= pattern.Start || closedFrom < end ? closedFrom : end;
            }

            var turn = pattern.Rotation.TurnOn(date);
            if (turn is null)
            {
                continue;
            }

            var agents = ApplySwaps(partnership, date, pattern.Id, turn.AgentIds);
            slots.Add(CreateSlot(partnership.Id, pattern.Id, date, pattern.Start, end, turn.KommuneKode, agents, pattern.MinAgents, zone));
        }

        foreach (var extra in partnership.Exceptions)
        {
            if (extra.Kind == RotaExceptionKind.ExtraSlot && extra.Date == date && extra is { Start: { } s, End: { } e, ResponsibleKommune: { } responsible })
            {
                var agents = ApplySwaps(partnership, date, extra.Id, extra.AgentIds);
                slots.Add(CreateSlot(partnership.Id, null, date, s, e, responsible, agents, Math.Max(1, extra.AgentIds.Count), zone) with { ExtraSlotId = extra.Id });
            }
        }
    }

    private static ShiftSlot CreateSlot(string partnershipId, Guid? patternId, DateOnly date, TimeOnly start, TimeOnly end, int responsible, IReadOnlyList<Guid> agents, int minAgents, DateTimeZone zone)
    {
        var localStart = ToLocal(date, start);
        var localEnd = end > start ? ToLocal(date, end) : ToLocal(date.AddDays(1), end);
        return new ShiftSlot(
            partnershipId,
            patternId,
            date,
            localStart,
            localEnd,
            localStart.InZone(zone, Resolvers.LenientResolver).ToInstant(),
            localEnd.InZone(zone, Resolvers.LenientResolver).ToInstant(),
            responsible,
            agents,
            minAgents);
    }

    private static bool HasException(Partnership partnership, DateOnly date, Guid patternId, RotaExceptionKind kind) =>
        partnership.Exceptions.Any(x => x.Kind == kind && x.Date == date && (x.PatternId is null || x.PatternId == patternId));

    private static IReadOnlyList<Guid> ApplySwaps(Partnership partnership, DateOnly date, Guid slotId, IReadOnlyList<Guid> agents)
    {
        var result = agents;
        foreach (var swap in partnership.Exceptions)
        {
            if (swap.Kind == RotaExceptionKind.Swap && swap.Date == date && (swap.PatternId is null || swap.PatternId == slotId)
                && swap is { FromAgentId: { } from, ToAgentId: { } to } && result.Contains(from))
            {
                result = result.Select(a => a == from ? to : a).Distinct().ToList();
            }
        }

        return result;
    }
}
