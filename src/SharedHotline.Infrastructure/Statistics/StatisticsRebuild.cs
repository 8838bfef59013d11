using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>
/// Recomputes every bucket from the stored chats and cases, so a fix to how a figure is counted corrects history. The
/// buckets from the Copenhagen day of the oldest stored chat or case on are replaced, in one transaction; older
/// buckets (whose chats the kommuner's retention has deleted) cannot be recomputed and are kept as they are. Chats and
/// cases stored before the rebuild started are counted by it; the projection counts only what comes after
/// (<see cref="StatRebuildRecord"/>).
/// </summary>
public static class StatisticsRebuild
{
    private const int Chunk = 5_000;

    public sealed record Result(int Chats, int Cases, DateOnly? FromDay);

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
            var fromDay = oldest == Instant.MaxValue ? StatisticsWrites.DayOf(Instant.FromDateTimeOffset(now), zone) : StatisticsWrites.DayOf(oldest, zone);
            await db.StatHours.Where(h => h.LocalDay >= fromDay).ExecuteDeleteAsync(ct);
            await db.StatDays.Where(h => h.LocalDay >= fromDay).ExecuteDeleteAsync(ct);
            await db.StatTopics.Where(h => h.LocalDay >= fromDay).ExecuteDeleteAsync(ct);
            await db.StatSettlement.Where(h => h.LocalDay >= fromDay).ExecuteDeleteAsync(ct);

            var hours = new Dictionary<(int Kommune, Instant Hour), Bucket>();
            foreach (var chat in StatHour.Fold(outcomes))
            {
                hours[(chat.KommuneKode, chat.HourStart)] = new Bucket(chat.Figures);
            }

            foreach (var c in cases)
            {
                var (left, figure, held) = StatisticsSources.Figures(c);
                BucketOf(hours, c.KommuneKode, left).Count(figure);
                if (held is { } h && h.ToDateTimeOffset() < now)
                {
                    BucketOf(hours, c.KommuneKode, h).Count(CaseFigure.MeetingHeld);
                }
            }

            var days = hours.GroupBy(h => (h.Key.Kommune, Day: StatisticsWrites.DayOf(h.Key.Hour, zone)))
                .ToDictionary(g => g.Key, g => g.Select(h => h.Value).Aggregate(new Bucket(StatFigures.Empty), (sum, b) => sum.Add(b)));
            await AddAllAsync(db, hours.Select(h => Record(new StatHourRecord
            {
                KommuneKode = h.Key.Kommune, HourStart = h.Key.Hour.ToDateTimeOffset(), LocalDay = StatisticsWrites.DayOf(h.Key.Hour, zone), HourOfWeek = HourOfWeek.Of(h.Key.Hour, zone).Index,
            }, h.Value)), ct);
            await AddAllAsync(db, days.Select(d => Record(new StatDayRecord { KommuneKode = d.Key.Kommune, LocalDay = d.Key.Day }, d.Value)), ct);
            await AddAllAsync(db, outcomes.GroupBy(o => (o.KommuneKode, Day: StatisticsWrites.DayOf(StatHour.HourOf(o.StartedAt), zone), o.Topic))
                .Select(g => new StatTopicRecord { KommuneKode = g.Key.KommuneKode, LocalDay = g.Key.Day, Topic = g.Key.Topic, Chats = g.Count() }), ct);
            await AddAllAsync(db, outcomes.Select(SettlementCell.From).OfType<SettlementCell>()
                .GroupBy(c => (Day: StatisticsWrites.DayOf(c.HourStart, zone), c.AnsweredByKommune, c.CitizenKommune))
                .Select(g => new StatSettlementRecord
                {
                    LocalDay = g.Key.Day, AnsweredBy = g.Key.AnsweredByKommune, CitizenKommune = g.Key.CitizenKommune, Chats = g.Sum(c => c.Chats), HandledMs = g.Sum(c => c.HandledMs),
                }), ct);
            db.StatRebuilds.Add(new StatRebuildRecord { CountedBefore = now, FromDay = fromDay, Chats = outcomes.Count, Cases = cases.Count });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Result(outcomes.Count, cases.Count, oldest == Instant.MaxValue ? null : DateOnly.FromDayNumber(fromDay));
        });
    }

    /// <summary>When the last rebuild started: what was stored before it is counted by it, not by the projection.</summary>
    public static async Task<DateTimeOffset?> CountedBeforeAsync(HotlineDbContext db, CancellationToken ct) =>
        await db.StatRebuilds.AsNoTracking().OrderByDescending(r => r.Id).Select(r => (DateTimeOffset?)r.CountedBefore).FirstOrDefaultAsync(ct);

    private static Bucket BucketOf(Dictionary<(int, Instant), Bucket> hours, int kommune, Instant at)
    {
        var key = (kommune, StatHour.HourOf(at));
        if (!hours.TryGetValue(key, out var bucket))
        {
            hours[key] = bucket = new Bucket(StatFigures.Empty);
        }

        return bucket;
    }

    private static T Record<T>(T record, Bucket bucket)
        where T : StatBucketRecord
    {
        var f = bucket.Figures;
        (record.Offered, record.Answered, record.Abandoned, record.WaitMs, record.AnsweredWaitMs, record.AbandonedWaitMs, record.HandleMs) =
            (f.Offered, f.Answered, f.Abandoned, f.WaitMs, f.AnsweredWaitMs, f.AbandonedWaitMs, f.HandleMs);
        (record.ServedOwn, record.ServedShared, record.ServedOverflow) = (f.ServedOwn, f.ServedShared, f.ServedOverflow);
        (record.MeetingsBooked, record.MeetingsHeld, record.MessagesLeft) = (bucket.MeetingsBooked, bucket.MeetingsHeld, bucket.MessagesLeft);
        StatColumns.CopyBins(f, record);
        return record;
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

    private sealed class Bucket(StatFigures figures)
    {
        public StatFigures Figures { get; private set; } = figures;
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

        public Bucket Add(Bucket other)
        {
            Figures = Figures.Add(other.Figures);
            MeetingsBooked += other.MeetingsBooked;
            MeetingsHeld += other.MeetingsHeld;
            MessagesLeft += other.MessagesLeft;
            return this;
        }
    }
}
