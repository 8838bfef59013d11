using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>What a group of hours adds up to: the chat figures and the cases left and held.</summary>
public sealed record StatGroup(int KommuneKode, int Part, StatFigures Figures, int MeetingsBooked, int MeetingsHeld, int MessagesLeft);

/// <summary>The key statistics group by: a kommune and a part of the period (0 for all of it, an hour of the week, a day number).</summary>
public sealed class StatKey
{
    public int KommuneKode { get; init; }
    public int Part { get; init; }

    /// <summary>For a histogram bin: which durations, and which bin.</summary>
    public StatDurationKind Kind { get; init; }
    public int Bin { get; init; }
}

/// <summary>
/// Reads the buckets summed in the database, grouped by kommune and by the whole period, the hour of the week or the
/// Copenhagen day, so a year of many kommuner comes back as a few hundred rows, not as its hours.
/// </summary>
public sealed class StatisticsReads(HotlineDbContext db)
{

    public Task<List<StatGroup>> TotalsAsync(IReadOnlyCollection<int> kommuner, Instant from, Instant to, CancellationToken ct) =>
        GroupAsync(h => new StatKey { KommuneKode = h.KommuneKode, Part = 0 }, d => new StatKey { KommuneKode = d.KommuneKode, Part = 0, Kind = d.Kind, Bin = d.Bin }, kommuner, from, to, ct);

    public Task<List<StatGroup>> ByHourOfWeekAsync(IReadOnlyCollection<int> kommuner, Instant from, Instant to, CancellationToken ct) =>
        GroupAsync(h => new StatKey { KommuneKode = h.KommuneKode, Part = h.HourOfWeek }, d => new StatKey { KommuneKode = d.KommuneKode, Part = d.HourOfWeek, Kind = d.Kind, Bin = d.Bin }, kommuner, from, to, ct);

    /// <summary>Per Copenhagen day: <see cref="StatGroup.Part"/> is the day's <see cref="DateOnly.DayNumber"/>.</summary>
    public Task<List<StatGroup>> ByDayAsync(IReadOnlyCollection<int> kommuner, Instant from, Instant to, CancellationToken ct) =>
        GroupAsync(h => new StatKey { KommuneKode = h.KommuneKode, Part = h.LocalDay }, d => new StatKey { KommuneKode = d.KommuneKode, Part = d.LocalDay, Kind = d.Kind, Bin = d.Bin }, kommuner, from, to, ct);

    public async Task<List<(int KommuneKode, string Topic, int Chats)>> TopicsAsync(IReadOnlyCollection<int> kommuner, Instant from, Instant to, CancellationToken ct)
    {
        var (start, end) = Range(from, to);
        var rows = await db.StatTopics.AsNoTracking()
            .Where(t => kommuner.Contains(t.KommuneKode) && t.HourStart >= start && t.HourStart < end)
            .GroupBy(t => new { t.KommuneKode, t.Topic })
            .Select(g => new { g.Key.KommuneKode, g.Key.Topic, Chats = g.Sum(t => t.Chats) })
            .ToListAsync(ct);
        return rows.Select(r => (r.KommuneKode, r.Topic, r.Chats)).OrderBy(r => r.KommuneKode).ThenByDescending(r => r.Chats).ToList();
    }

    /// <summary>The settlement's cells of the citizens of <paramref name="citizenKommuner"/>, whoever answered them, summed over the period.</summary>
    public async Task<List<SettlementCell>> SettlementAsync(IReadOnlyCollection<int> citizenKommuner, Instant from, Instant to, CancellationToken ct)
    {
        var (start, end) = Range(from, to);
        var rows = await db.StatSettlement.AsNoTracking()
            .Where(s => citizenKommuner.Contains(s.CitizenKommune) && s.HourStart >= start && s.HourStart < end)
            .GroupBy(s => new { s.AnsweredBy, s.CitizenKommune })
            .Select(g => new { g.Key.AnsweredBy, g.Key.CitizenKommune, Chats = g.Sum(s => s.Chats), HandledMs = g.Sum(s => s.HandledMs) })
            .ToListAsync(ct);
        return rows.Select(r => new SettlementCell(from, r.AnsweredBy, r.CitizenKommune, r.Chats, r.HandledMs)).ToList();
    }

    /// <summary>The hours themselves (sums, no histograms): what the demand forecast reads for a few weeks.</summary>
    public async Task<List<StatHour>> HoursAsync(IReadOnlyCollection<int> kommuner, Instant from, Instant to, CancellationToken ct)
    {
        var (start, end) = Range(from, to);
        var rows = await db.StatHours.AsNoTracking()
            .Where(h => kommuner.Contains(h.KommuneKode) && h.HourStart >= start && h.HourStart < end)
            .ToListAsync(ct);
        return rows.Select(h => new StatHour(h.KommuneKode, Instant.FromDateTimeOffset(h.HourStart), new StatFigures(
            h.Offered, h.Answered, h.Abandoned, h.WaitMs, h.AnsweredWaitMs, h.AbandonedWaitMs, h.HandleMs, h.ServedOwn, h.ServedShared, h.ServedOverflow,
            DurationHistogram.Empty, DurationHistogram.Empty, DurationHistogram.Empty))).ToList();
    }

    private async Task<List<StatGroup>> GroupAsync(
        Expression<Func<StatHourRecord, StatKey>> hourKey, Expression<Func<StatDurationRecord, StatKey>> durationKey,
        IReadOnlyCollection<int> kommuner, Instant from, Instant to, CancellationToken ct)
    {
        var (start, end) = Range(from, to);
        var sums = await db.StatHours.AsNoTracking()
            .Where(h => kommuner.Contains(h.KommuneKode) && h.HourStart >= start && h.HourStart < end)
            .GroupBy(hourKey)
            .Select(g => new
            {
                g.Key.KommuneKode,
                g.Key.Part,
                Offered = g.Sum(h => h.Offered),
                Answered = g.Sum(h => h.Answered),
                Abandoned = g.Sum(h => h.Abandoned),
                WaitMs = g.Sum(h => h.WaitMs),
                AnsweredWaitMs = g.Sum(h => h.AnsweredWaitMs),
                AbandonedWaitMs = g.Sum(h => h.AbandonedWaitMs),
                HandleMs = g.Sum(h => h.HandleMs),
                ServedOwn = g.Sum(h => h.ServedOwn),
                ServedShared = g.Sum(h => h.ServedShared),
                ServedOverflow = g.Sum(h => h.ServedOverflow),
                MeetingsBooked = g.Sum(h => h.MeetingsBooked),
                MeetingsHeld = g.Sum(h => h.MeetingsHeld),
                MessagesLeft = g.Sum(h => h.MessagesLeft),
            })
            .ToListAsync(ct);
        var histograms = await HistogramsAsync(durationKey, kommuner, start, end, ct);
        return sums.Select(s =>
        {
            DurationHistogram Of(StatDurationKind kind) => histograms.GetValueOrDefault((s.KommuneKode, s.Part, kind)) ?? DurationHistogram.Empty;
            return new StatGroup(s.KommuneKode, s.Part, new StatFigures(
                s.Offered, s.Answered, s.Abandoned, s.WaitMs, s.AnsweredWaitMs, s.AbandonedWaitMs, s.HandleMs, s.ServedOwn, s.ServedShared, s.ServedOverflow,
                Of(StatDurationKind.Wait), Of(StatDurationKind.Handle), Of(StatDurationKind.Abandon)), s.MeetingsBooked, s.MeetingsHeld, s.MessagesLeft);
        }).OrderBy(g => g.KommuneKode).ThenBy(g => g.Part).ToList();
    }

    private async Task<Dictionary<(int Kommune, int Part, StatDurationKind Kind), DurationHistogram>> HistogramsAsync(
        Expression<Func<StatDurationRecord, StatKey>> key, IReadOnlyCollection<int> kommuner, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var rows = await db.StatDurations.AsNoTracking()
            .Where(d => kommuner.Contains(d.KommuneKode) && d.HourStart >= start && d.HourStart < end)
            .GroupBy(key)
            .Select(g => new { g.Key.KommuneKode, g.Key.Part, g.Key.Kind, g.Key.Bin, Count = g.Sum(d => d.Count) })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.KommuneKode, r.Part, r.Kind)).ToDictionary(g => g.Key, g =>
        {
            var counts = new int[DurationHistogram.BinCount];
            foreach (var r in g)
            {
                counts[r.Bin] += r.Count;
            }

            return DurationHistogram.FromBins(counts);
        });
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Range(Instant from, Instant to) => (from.ToDateTimeOffset(), to.ToDateTimeOffset());
}
