using System.Collections.Concurrent;
using NodaTime;
using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Domain.Rota;

/// <summary>
/// An immutable view of every kommune and partnership, answering: who is on duty for kommune K at
/// instant t, which windows are open between two dates, and when K opens next.
/// </summary>
public sealed class RotaSnapshot
{
    public static DateTimeZone Copenhagen { get; } = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    /// <summary>Expanded days kept per partnership before the cache starts over (about three years).</summary>
    private const int MaxCachedDays = 1100;

    private readonly Dictionary<int, Kommune> _kommuner;
    private readonly Dictionary<int, Partnership[]> _partnershipsByKommune;

    // The snapshot never changes, so a partnership's slots on a date are expanded once and then reused.
    private readonly Dictionary<Partnership, ConcurrentDictionary<DateOnly, ShiftSlot[]>> _slotsByDay;

    public RotaSnapshot(IEnumerable<Kommune> kommuner, IEnumerable<Partnership> partnerships, DateTimeZone? zone = null)
    {
        Zone = zone ?? Copenhagen;
        _kommuner = kommuner.ToDictionary(k => k.Kode);
        Partnerships = partnerships.ToList();
        _partnershipsByKommune = _kommuner.Keys.ToDictionary(k => k, k => Partnerships.Where(p => p.Includes(k)).ToArray());
        _slotsByDay = new(ReferenceEqualityComparer.Instance);
        foreach (var partnership in Partnerships)
        {
            _slotsByDay.TryAdd(partnership, new ConcurrentDictionary<DateOnly, ShiftSlot[]>());
        }
    }

    public DateTimeZone Zone { get; }
    public IReadOnlyList<Partnership> Partnerships { get; }
    public IReadOnlyCollection<Kommune> Kommuner => _kommuner.Values;

    public Kommune? FindKommune(int kode) => _kommuner.GetValueOrDefault(kode);

    public IReadOnlyList<Partnership> PartnershipsOf(int kode) => _partnershipsByKommune.GetValueOrDefault(kode) ?? [];

    public DutyStatus DutyAt(int kode, Instant t)
    {
        var date = DateOnly.FromDateTime(t.InZone(Zone).Date.ToDateTimeUnspecified());
        var slots = new List<ShiftSlot>();
        var overflow = new List<OverflowRule>();
        foreach (var partnership in PartnershipsOf(kode))
        {
            var before = slots.Count;
            AddOpen(SlotsOn(partnership, date.AddDays(-1)), t, slots);
            AddOpen(SlotsOn(partnership, date), t, slots);
            if (slots.Count > before && partnership.Overflow is { } rule && rule.KommuneKode != kode && OwnHoursOpen(rule.KommuneKode, t))
            {
                overflow.Add(rule);
            }
        }

        return new DutyStatus(kode, t, OwnHoursOpen(kode, t), slots, overflow)
        {
            SharedStaffInOwnHoursAfter = FindKommune(kode) is { } kommune ? kommune.Settings.SharedStaffInOwnHoursAfter() : TimeSpan.Zero,
        };
    }

    /// <summary>The partnership's slots that start on <paramref name="date"/> (as <see cref="RotaCalendar.AddSlotsOn"/> gives them), cached.</summary>
    public IReadOnlyList<ShiftSlot> SlotsOn(Partnership partnership, DateOnly date)
    {
        if (!_slotsByDay.TryGetValue(partnership, out var days))
        {
            var slots = new List<ShiftSlot>();
            RotaCalendar.AddSlotsOn(partnership, date, Zone, slots);
            return slots;
        }

        if (days.Count > MaxCachedDays)
        {
            days.Clear();
        }

        return days.GetOrAdd(date, static (d, state) =>
        {
            var slots = new List<ShiftSlot>();
            RotaCalendar.AddSlotsOn(state.Partnership, d, state.Zone, slots);
            return [.. slots];
        }, (Partnership: partnership, Zone));
    }

    public bool OwnHoursOpen(int kode, Instant t)
    {
        var date = DateOnly.FromDateTime(t.InZone(Zone).Date.ToDateTimeUnspecified());
        return OwnIntervalsOn(kode, date).Any(i => t >= i.Start && t < i.End);
    }

    /// <summary>The effective windows from the start of <paramref name="from"/> to the end of <paramref name="to"/>, in local dates.</summary>
    public IReadOnlyList<OpeningWindow> OpeningWindows(int kode, DateOnly from, DateOnly to)
    {
        var segments = new List<(Instant Start, Instant End, OpeningMode Mode, int Responsible, string? Partnership)>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            segments.AddRange(OwnIntervalsOn(kode, date).Select(i => (i.Start, i.End, OpeningMode.Own, kode, (string?)null)));
        }

        foreach (var partnership in PartnershipsOf(kode))
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                segments.AddRange(SlotsOn(partnership, date).Select(s => (s.Start, s.End, OpeningMode.Shared, s.ResponsibleKommune, (string?)partnership.Id)));
            }
        }

        // Sweep the boundaries in order, keeping the segments that have started and not yet ended. Of those,
        // own hours win, then the segment listed first (as a scan of all segments would pick).
        var byStart = Enumerable.Range(0, segments.Count).OrderBy(i => segments[i].Start).ToList();
        var active = new List<int>();
        var nextToStart = 0;

        var boundaries = segments.SelectMany(s => new[] { s.Start, s.End }).Distinct().Order().ToList();
        var windows = new List<OpeningWindow>();
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            var (start, end) = (boundaries[i], boundaries[i + 1]);
            while (nextToStart < byStart.Count && segments[byStart[nextToStart]].Start <= start)
            {
                active.Add(byStart[nextToStart++]);
            }

            active.RemoveAll(s => segments[s].End <= start);
            if (active.Count == 0)
            {
                continue;
            }

            var covering = segments[active.MinBy(s => (segments[s].Mode == OpeningMode.Own ? 0 : 1, s))];

            var last = windows.Count > 0 ? windows[^1] : null;
            if (last is not null && last.End.ToInstant() == start && last.Mode == covering.Mode
                && last.ResponsibleKommune == covering.Responsible && last.PartnershipId == covering.Partnership)
            {
                windows[^1] = last with { End = end.InZone(Zone) };
            }
            else
            {
                windows.Add(new OpeningWindow(start.InZone(Zone), end.InZone(Zone), covering.Mode, covering.Responsible, covering.Partnership));
            }
        }

        return windows;
    }

    /// <summary>
    /// The holiday or closed day the kommune's hotline is closed for at <paramref name="t"/> ("Juleaften", "2. juledag"),
    /// so a closed page can say why; null on an ordinary day, or when the kommune keeps its line open on holidays.
    /// </summary>
    public string? ClosedDayName(int kode, Instant t)
    {
        if (FindKommune(kode) is not { } kommune || kommune.Settings.OwnHoursOnPublicHolidays)
        {
            return null;
        }

        var local = t.InZone(Zone).LocalDateTime;
        var date = DateOnly.FromDateTime(local.Date.ToDateTimeUnspecified());
        return RotaCalendar.HolidayName(date)
            ?? PartnershipsOf(kode).SelectMany(p => p.ClosedDays)
                .FirstOrDefault(c => c.Matches(date) && (c.ClosedFrom is not { } from || new TimeOnly(local.Hour, local.Minute) >= from))?.Name;
    }

    /// <summary>The start of the first window after <paramref name="t"/> that is not contiguous with the one open at t.</summary>
    public OpeningWindow? NextOpening(int kode, Instant t, int searchDays = 60)
    {
        var today = DateOnly.FromDateTime(t.InZone(Zone).Date.ToDateTimeUnspecified());
        var cursor = t;
        foreach (var window in OpeningWindows(kode, today.AddDays(-1), today.AddDays(searchDays)))
        {
            var (start, end) = (window.Start.ToInstant(), window.End.ToInstant());
            if (end <= cursor)
            {
                continue;
            }

            if (start <= cursor)
            {
                cursor = end;
                continue;
            }

            return window;
        }

        return null;
    }

    private static void AddOpen(IReadOnlyList<ShiftSlot> slots, Instant t, List<ShiftSlot> open)
    {
        foreach (var slot in slots)
        {
            if (slot.Contains(t))
            {
                open.Add(slot);
            }
        }
    }

    private IEnumerable<(Instant Start, Instant End)> OwnIntervalsOn(int kode, DateOnly date)
    {
        if (!_kommuner.TryGetValue(kode, out var kommune))
        {
            yield break;
        }

        var settings = kommune.Settings;
        if (!settings.OwnHoursOnPublicHolidays && RotaCalendar.HolidayName(date) is not null)
        {
            yield break;
        }

        // A member kommune's own hours follow its partnerships' closed days (juleaften, nytårsaften) too, unless it
        // keeps its line open on holidays.
        var closed = settings.OwnHoursOnPublicHolidays ? null
            : PartnershipsOf(kode).SelectMany(p => p.ClosedDays).Where(c => c.Matches(date)).OrderBy(c => c.ClosedFrom ?? TimeOnly.MinValue).FirstOrDefault();
        if (closed is { ClosedFrom: null })
        {
            yield break;
        }

        foreach (var window in settings.OwnHours.On(date.DayOfWeek))
        {
            var end = closed?.ClosedFrom is { } from && from < window.End ? from : window.End;
            if (end > window.Start)
            {
                yield return (RotaCalendar.ToInstant(date, window.Start, Zone), RotaCalendar.ToInstant(date, end, Zone));
            }
        }
    }
}
