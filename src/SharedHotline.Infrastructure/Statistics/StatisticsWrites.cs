using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using SharedHotline.Domain.Invitations;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>What a case adds to its kommune's hour and day.</summary>
public enum CaseFigure
{
    MeetingBooked,
    MeetingHeld,
    MessageLeft,
}

/// <summary>
/// Adds a finished chat or a case's step to the buckets (its hour and its Copenhagen day). Every write is an increment
/// of an upsert (<c>INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x</c>, the same text on SQLite and
/// PostgreSQL), so two nodes adding to one bucket at once both count, with no read-modify-write to lose.
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
        var day = DayOf(hour, zone);
        await AddBucketsAsync(db, chat.KommuneKode, hour, zone, StatFigures.Of(chat), 0, 0, 0, ct);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO stat_topics ("KommuneKode", "LocalDay", "Topic", "Chats") VALUES ({0}, {1}, {2}, 1)
            ON CONFLICT ("KommuneKode", "LocalDay", "Topic") DO UPDATE SET "Chats" = stat_topics."Chats" + 1
            """,
            [chat.KommuneKode, day, chat.Topic], ct);
        if (SettlementCell.From(chat) is { } cell)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO stat_settlement ("LocalDay", "AnsweredBy", "CitizenKommune", "Chats", "HandledMs") VALUES ({0}, {1}, {2}, {3}, {4})
                ON CONFLICT ("LocalDay", "AnsweredBy", "CitizenKommune") DO UPDATE SET "Chats" = stat_settlement."Chats" + excluded."Chats", "HandledMs" = stat_settlement."HandledMs" + excluded."HandledMs"
                """,
                [day, cell.AnsweredByKommune, cell.CitizenKommune, cell.Chats, cell.HandledMs], ct);
        }
    }

    /// <summary>A meeting booked or a message left counts when it was left; a meeting held when it was held.</summary>
    public static Task AddCaseAsync(HotlineDbContext db, int kommuneKode, Instant at, CaseFigure figure, DateTimeZone zone, CancellationToken ct) =>
        AddBucketsAsync(db, kommuneKode, StatHour.HourOf(at), zone, StatFigures.Empty,
            figure == CaseFigure.MeetingBooked ? 1 : 0, figure == CaseFigure.MeetingHeld ? 1 : 0, figure == CaseFigure.MessageLeft ? 1 : 0, ct);

    /// <summary>An invitation shown, accepted, declined or expired counts in the hour it happened.</summary>
    public static Task AddInvitationAsync(HotlineDbContext db, int kommuneKode, Instant at, InvitationOutcome outcome, DateTimeZone zone, CancellationToken ct)
    {
        var hour = StatHour.HourOf(at);
        // The column is one of four names of our own (the outcome), never input.
        var column = outcome.ToString();
        var sql = $$"""
            INSERT INTO stat_invitations ("KommuneKode", "HourStart", "LocalDay", "Shown", "Accepted", "Declined", "Expired") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})
            ON CONFLICT ("KommuneKode", "HourStart") DO UPDATE SET "{{column}}" = stat_invitations."{{column}}" + 1
            """;
        return db.Database.ExecuteSqlRawAsync(
            sql,
            [kommuneKode, Time(hour), DayOf(hour, zone), One(outcome, InvitationOutcome.Shown), One(outcome, InvitationOutcome.Accepted), One(outcome, InvitationOutcome.Declined), One(outcome, InvitationOutcome.Expired)],
            ct);
    }

    private static int One(InvitationOutcome outcome, InvitationOutcome which) => outcome == which ? 1 : 0;

    public static int DayOf(Instant instant, DateTimeZone zone) => instant.InZone(zone).Date.ToDateOnly().DayNumber;

    private static async Task AddBucketsAsync(HotlineDbContext db, int kommune, Instant hour, DateTimeZone zone, StatFigures f, int booked, int held, int messages, CancellationToken ct)
    {
        var sums = StatColumns.SumsOf(f, booked, held, messages);
        var bins = StatColumns.BinsOf(f).ToList();
        var day = DayOf(hour, zone);
        await UpsertAsync(db, "stat_hours", ["KommuneKode", "HourStart"], [kommune, Time(hour), day, HourOfWeek.Of(hour, zone).Index], ["LocalDay", "HourOfWeek"], sums, bins, ct);
        await UpsertAsync(db, "stat_days", ["KommuneKode", "LocalDay"], [kommune, day], [], sums, bins, ct);
    }

    /// <summary>One upsert: the key (and fixed columns) inserted, every sum and the given bins added to what is there.</summary>
    private static Task<int> UpsertAsync(HotlineDbContext db, string table, string[] key, object[] keyAndFixed, string[] fixedColumns, object[] sums, List<(string Column, int Count)> bins, CancellationToken ct)
    {
        var columns = key.Concat(fixedColumns).Concat(StatColumns.Sums).Concat(bins.Select(b => b.Column)).ToList();
        var values = keyAndFixed.Concat(sums).Concat(bins.Select(b => (object)b.Count)).ToArray();
        var added = StatColumns.Sums.Concat(bins.Select(b => b.Column)).Select(c => $"\"{c}\" = {table}.\"{c}\" + excluded.\"{c}\"");
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", values.Select((_, i) => $"{{{i}}}"))}) "
            + $"ON CONFLICT ({string.Join(", ", key.Select(c => $"\"{c}\""))}) DO UPDATE SET {string.Join(", ", added)}";
        return db.Database.ExecuteSqlRawAsync(sql, values, ct);
    }

    private static object Time(Instant t) => Time(t.ToDateTimeOffset());

    private static object Time(DateTimeOffset t) => Times.ConvertToProvider(t)!;
}
