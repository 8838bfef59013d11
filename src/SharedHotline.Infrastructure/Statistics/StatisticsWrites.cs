using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>What a case adds to its kommune's hour.</summary>
public enum CaseFigure
{
    MeetingBooked,
    MeetingHeld,
    MessageLeft,
}

/// <summary>
/// Adds a finished chat or a case's step to the hourly buckets. Every write is an increment of an upsert
/// (<c>INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x</c>, the same text on SQLite and PostgreSQL), so two
/// nodes adding to one hour at once both count, with no read-modify-write to lose.
/// </summary>
public static class StatisticsWrites
{
    private static readonly DateTimeOffsetToBinaryConverter Times = new();

    /// <summary>Records that an event was counted; false when it was already (a repeat delivery to skip).</summary>
    public static async Task<bool> ClaimEventAsync(HotlineDbContext db, Guid eventId, DateTimeOffset now, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO stat_events ("EventId", "CountedAt") VALUES ({0}, {1}) ON CONFLICT ("EventId") DO NOTHING""",
            [eventId, Time(now)], ct) == 1;

    public static async Task AddChatAsync(HotlineDbContext db, ChatOutcome chat, DateTimeZone zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var hour = StatHour.HourOf(chat.StartedAt);
        var f = StatFigures.Of(chat);
        await AddHourAsync(db, chat.KommuneKode, hour, zone, f, meetingsBooked: 0, meetingsHeld: 0, messagesLeft: 0, ct);
        var week = HourOfWeek.Of(hour, zone).Index;
        var day = hour.InZone(zone).Date.ToDateOnly().DayNumber;
        foreach (var (kind, histogram) in new[] { (StatDurationKind.Wait, f.WaitHistogram), (StatDurationKind.Handle, f.HandleHistogram), (StatDurationKind.Abandon, f.AbandonHistogram) })
        {
            for (var bin = 0; bin < histogram.Bins.Count; bin++)
            {
                if (histogram.Bins[bin] > 0)
                {
                    await db.Database.ExecuteSqlRawAsync(
                        """
                        INSERT INTO stat_durations ("KommuneKode", "HourStart", "LocalDay", "HourOfWeek", "Kind", "Bin", "Count") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})
                        ON CONFLICT ("KommuneKode", "HourStart", "Kind", "Bin") DO UPDATE SET "Count" = stat_durations."Count" + excluded."Count"
                        """,
                        [chat.KommuneKode, Time(hour), day, week, (int)kind, bin, histogram.Bins[bin]], ct);
                }
            }
        }

        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO stat_topics ("KommuneKode", "HourStart", "Topic", "Chats") VALUES ({0}, {1}, {2}, 1)
            ON CONFLICT ("KommuneKode", "HourStart", "Topic") DO UPDATE SET "Chats" = stat_topics."Chats" + 1
            """,
            [chat.KommuneKode, Time(hour), chat.Topic], ct);
        if (SettlementCell.From(chat) is { } cell)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO stat_settlement ("HourStart", "AnsweredBy", "CitizenKommune", "Chats", "HandledMs") VALUES ({0}, {1}, {2}, {3}, {4})
                ON CONFLICT ("HourStart", "AnsweredBy", "CitizenKommune") DO UPDATE SET "Chats" = stat_settlement."Chats" + excluded."Chats", "HandledMs" = stat_settlement."HandledMs" + excluded."HandledMs"
                """,
                [Time(hour), cell.AnsweredByKommune, cell.CitizenKommune, cell.Chats, cell.HandledMs], ct);
        }
    }

    /// <summary>A meeting booked or a message left counts in the hour it was left; a meeting held in the hour it was held.</summary>
    public static Task AddCaseAsync(HotlineDbContext db, int kommuneKode, Instant at, CaseFigure figure, DateTimeZone zone, CancellationToken ct) =>
        AddHourAsync(db, kommuneKode, StatHour.HourOf(at), zone, StatFigures.Empty,
            meetingsBooked: figure == CaseFigure.MeetingBooked ? 1 : 0,
            meetingsHeld: figure == CaseFigure.MeetingHeld ? 1 : 0,
            messagesLeft: figure == CaseFigure.MessageLeft ? 1 : 0,
            ct);

    private static Task<int> AddHourAsync(HotlineDbContext db, int kommune, Instant hour, DateTimeZone zone, StatFigures f, int meetingsBooked, int meetingsHeld, int messagesLeft, CancellationToken ct)
    {
        var local = hour.InZone(zone);
        return db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO stat_hours ("KommuneKode", "HourStart", "LocalDay", "HourOfWeek", "Offered", "Answered", "Abandoned", "WaitMs", "AnsweredWaitMs", "AbandonedWaitMs", "HandleMs",
                "ServedOwn", "ServedShared", "ServedOverflow", "MeetingsBooked", "MeetingsHeld", "MessagesLeft")
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16})
            ON CONFLICT ("KommuneKode", "HourStart") DO UPDATE SET
                "Offered" = stat_hours."Offered" + excluded."Offered", "Answered" = stat_hours."Answered" + excluded."Answered",
                "Abandoned" = stat_hours."Abandoned" + excluded."Abandoned", "WaitMs" = stat_hours."WaitMs" + excluded."WaitMs",
                "AnsweredWaitMs" = stat_hours."AnsweredWaitMs" + excluded."AnsweredWaitMs", "AbandonedWaitMs" = stat_hours."AbandonedWaitMs" + excluded."AbandonedWaitMs",
                "HandleMs" = stat_hours."HandleMs" + excluded."HandleMs", "ServedOwn" = stat_hours."ServedOwn" + excluded."ServedOwn",
                "ServedShared" = stat_hours."ServedShared" + excluded."ServedShared", "ServedOverflow" = stat_hours."ServedOverflow" + excluded."ServedOverflow",
                "MeetingsBooked" = stat_hours."MeetingsBooked" + excluded."MeetingsBooked", "MeetingsHeld" = stat_hours."MeetingsHeld" + excluded."MeetingsHeld",
                "MessagesLeft" = stat_hours."MessagesLeft" + excluded."MessagesLeft"
            """,
            [kommune, Time(hour), local.Date.ToDateOnly().DayNumber, HourOfWeek.Of(hour, zone).Index, f.Offered, f.Answered, f.Abandoned, f.WaitMs, f.AnsweredWaitMs, f.AbandonedWaitMs, f.HandleMs,
                f.ServedOwn, f.ServedShared, f.ServedOverflow, meetingsBooked, meetingsHeld, messagesLeft],
            ct);
    }

    private static object Time(Instant t) => Time(t.ToDateTimeOffset());

    private static object Time(DateTimeOffset t) => Times.ConvertToProvider(t)!;
}
