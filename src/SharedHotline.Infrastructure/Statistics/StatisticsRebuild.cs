using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>
/// Recomputes every bucket from the stored chats and cases, so a fix to how a figure is counted corrects history. The
/// buckets from the hour of the oldest stored chat or case on are replaced, in one transaction; older buckets (whose
/// chats the kommuner's retention has deleted) cannot be recomputed and are kept as they are. Chats and cases stored
/// before the rebuild started are counted by it; the projection counts only what comes after (<see cref="StatRebuildRecord"/>).
/// </summary>
public static class StatisticsRebuild
{
    private const int Chunk = 5_000;

    public sealed record Result(int Chats, int Cases, DateTimeOffset? FromHour);

    public static async Task<Result> RunAsync(HotlineDbContext db, DateTimeZone zone, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var chats = await db.Chats.AsNoTracking()
                .Where(c => (c.State == ChatState.Ended || c.State == ChatState.Abandoned) && c.EndedAt < now)
                .Select(c => new ChatRecord
                {
                    Id = c.Id, Reference = c.Reference, KommuneKode = c.KommuneKode, Topic = c.Topic, State = c.State, CreatedAt = c.CreatedAt, EndedAt = c.EndedAt,
                    FirstAcceptedAt = c.FirstAcceptedAt, AnsweredByKommune = c.AnsweredByKommune, ServedIn = c.ServedIn,
                })
                .ToListAsync(ct);
            var cases = await db.Cases.AsNoTracking().Where(c => c.CreatedAt < now).ToListAsync(ct);
            var outcomes = chats.Select(StatisticsSources.Outcome).OfType<ChatOutcome>().ToList();
            var oldest = outcomes.Select(o => o.StartedAt).Concat(cases.Select(c => Instant.FromDateTimeOffset(c.CreatedAt))).DefaultIfEmpty(Instant.MaxValue).Min();
            if (oldest == Instant.MaxValue)
            {
                db.StatRebuilds.Add(new StatRebuildRecord { CountedBefore = now, FromHour = now });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new Result(0, 0, null);
            }

            var from = StatHour.HourOf(oldest).ToDateTimeOffset();
            await db.StatHours.Where(h => h.HourStart >= from).ExecuteDeleteAsync(ct);
            await db.StatDurations.Where(h => h.HourStart >= from).ExecuteDeleteAsync(ct);
            await db.StatTopics.Where(h => h.HourStart >= from).ExecuteDeleteAsync(ct);
            await db.StatSettlement.Where(h => h.HourStart >= from).ExecuteDeleteAsync(ct);

            var hours = StatHour.Fold(outcomes).ToDictionary(h => (h.KommuneKode, h.HourStart), h => new HourRow(h.Figures));
            foreach (var c in cases)
            {
                var (left, figure, held) = StatisticsSources.Figures(c);
                Row(hours, c.KommuneKode, left).Count(figure);
                if (held is { } h && h.ToDateTimeOffset() < now)
                {
                    Row(hours, c.KommuneKode, h).Count(CaseFigure.MeetingHeld);
                }
            }

            await AddAllAsync(db, Rows(hours, zone), ct);
            await AddAllAsync(db, outcomes.GroupBy(o => (o.KommuneKode, Hour: StatHour.HourOf(o.StartedAt), o.Topic))
                .Select(g => new StatTopicRecord { KommuneKode = g.Key.KommuneKode, HourStart = g.Key.Hour.ToDateTimeOffset(), Topic = g.Key.Topic, Chats = g.Count() }), ct);
            await AddAllAsync(db, outcomes.Select(SettlementCell.From).OfType<SettlementCell>().GroupBy(c => (c.HourStart, c.AnsweredByKommune, c.CitizenKommune))
                .Select(g => new StatSettlementRecord
                {
                    HourStart = g.Key.HourStart.ToDateTimeOffset(), AnsweredBy = g.Key.AnsweredByKommune, CitizenKommune = g.Key.CitizenKommune,
                    Chats = g.Sum(c => c.Chats), HandledMs = g.Sum(c => c.HandledMs),
                }), ct);
            db.StatRebuilds.Add(new StatRebuildRecord { CountedBefore = now, FromHour = from, Chats = outcomes.Count, Cases = cases.Count });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Result(outcomes.Count, cases.Count, from);
        });
    }

    /// <summary>When the last rebuild started: what was stored before it is counted by it, not by the projection.</summary>
    public static async Task<DateTimeOffset?> CountedBeforeAsync(HotlineDbContext db, CancellationToken ct) =>
        await db.StatRebuilds.AsNoTracking().OrderByDescending(r => r.Id).Select(r => (DateTimeOffset?)r.CountedBefore).FirstOrDefaultAsync(ct);

    private static HourRow Row(Dictionary<(int, Instant), HourRow> hours, int kommune, Instant at)
    {
        var key = (kommune, StatHour.HourOf(at));
        if (!hours.TryGetValue(key, out var row))
        {
            hours[key] = row = new HourRow(StatFigures.Empty);
        }

        return row;
    }

    private static IEnumerable<object> Rows(Dictionary<(int Kommune, Instant Hour), HourRow> hours, DateTimeZone zone)
    {
        foreach (var ((kommune, hour), row) in hours)
        {
            var f = row.Figures;
            var day = hour.InZone(zone).Date.ToDateOnly().DayNumber;
            var week = HourOfWeek.Of(hour, zone).Index;
            var start = hour.ToDateTimeOffset();
            yield return new StatHourRecord
            {
                KommuneKode = kommune, HourStart = start, LocalDay = day, HourOfWeek = week,
                Offered = f.Offered, Answered = f.Answered, Abandoned = f.Abandoned, WaitMs = f.WaitMs, AnsweredWaitMs = f.AnsweredWaitMs,
                AbandonedWaitMs = f.AbandonedWaitMs, HandleMs = f.HandleMs, ServedOwn = f.ServedOwn, ServedShared = f.ServedShared, ServedOverflow = f.ServedOverflow,
                MeetingsBooked = row.MeetingsBooked, MeetingsHeld = row.MeetingsHeld, MessagesLeft = row.MessagesLeft,
            };
            foreach (var (kind, histogram) in new[] { (StatDurationKind.Wait, f.WaitHistogram), (StatDurationKind.Handle, f.HandleHistogram), (StatDurationKind.Abandon, f.AbandonHistogram) })
            {
                for (var bin = 0; bin < histogram.Bins.Count; bin++)
                {
                    if (histogram.Bins[bin] > 0)
                    {
                        yield return new StatDurationRecord { KommuneKode = kommune, HourStart = start, LocalDay = day, HourOfWeek = week, Kind = kind, Bin = bin, Count = histogram.Bins[bin] };
                    }
                }
            }
        }
    }

    private static async Task AddAllAsync(HotlineDbContext db, IEnumerable<object> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(Chunk))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private sealed class HourRow(StatFigures figures)
    {
        public StatFigures Figures { get; } = figures;
        public int MeetingsBooked { get; private set; }
        public int MeetingsHeld { get; private set; }
        public int MessagesLeft { get; private set; }

        public void Count(CaseFigure figure)
        {
            switch (figure)
            {
                case CaseFigure.MeetingBooked: MeetingsBooked++; break;
                case CaseFigure.MeetingHeld: MeetingsHeld++; break;
                default: MessagesLeft++; break;
            }
        }
    }
}
