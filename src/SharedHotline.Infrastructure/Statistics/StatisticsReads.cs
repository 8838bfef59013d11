using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>What a group of buckets adds up to: the chat figures and the cases left and held.</summary>
public sealed record StatGroup(int KommuneKode, int Part, StatFigures Figures, int MeetingsBooked, int MeetingsHeld, int MessagesLeft);

/// <summary>
/// Reads the buckets summed in the database: periods of whole days from the day buckets (a year of a kommune is 365
/// rows), hours of the week from the hour buckets, grouped by kommune and by the whole period, the day or the hour of
/// the week. Periods are Copenhagen days as <see cref="DateOnly.DayNumber"/>, <paramref name="fromDay"/> to
/// <paramref name="toDay"/> inclusive.
/// </summary>
public sealed class StatisticsReads(HotlineDbContext db)
{
    public Task<List<StatGroup>> TotalsAsync(IReadOnlyCollection<int> kommuner, int fromDay, int toDay, CancellationToken ct) =>
        SumAsync("stat_days", "0", kommuner, "\"LocalDay\" >= {0} AND \"LocalDay\" <= {1}", [fromDay, toDay], ct);

    /// <summary>Per Copenhagen day: <see cref="StatGroup.Part"/> is the day's <see cref="DateOnly.DayNumber"/>.</summary>
    public Task<List<StatGroup>> ByDayAsync(IReadOnlyCollection<int> kommuner, int fromDay, int toDay, CancellationToken ct) =>
        SumAsync("stat_days", "\"LocalDay\"", kommuner, "\"LocalDay\" >= {0} AND \"LocalDay\" <= {1}", [fromDay, toDay], ct);

    /// <summary>Per hour of the week: <see cref="StatGroup.Part"/> is <see cref="HourOfWeek.Index"/>.</summary>
    public Task<List<StatGroup>> ByHourOfWeekAsync(IReadOnlyCollection<int> kommuner, int fromDay, int toDay, CancellationToken ct) =>
        SumAsync("stat_hours", "\"HourOfWeek\"", kommuner, "\"LocalDay\" >= {0} AND \"LocalDay\" <= {1}", [fromDay, toDay], ct);

    public async Task<List<(int KommuneKode, string Topic, int Chats)>> TopicsAsync(IReadOnlyCollection<int> kommuner, int fromDay, int toDay, CancellationToken ct)
    {
        var rows = await db.StatTopics.AsNoTracking()
            .Where(t => kommuner.Contains(t.KommuneKode) && t.LocalDay >= fromDay && t.LocalDay <= toDay)
            .GroupBy(t => new { t.KommuneKode, t.Topic })
            .Select(g => new { g.Key.KommuneKode, g.Key.Topic, Chats = g.Sum(t => t.Chats) })
            .ToListAsync(ct);
        return rows.Select(r => (r.KommuneKode, r.Topic, r.Chats)).OrderBy(r => r.KommuneKode).ThenByDescending(r => r.Chats).ThenBy(r => r.Topic, StringComparer.Ordinal).ToList();
    }

    /// <summary>The settlement's cells of the citizens of <paramref name="citizenKommuner"/>, whoever answered them, summed over the period.</summary>
    public async Task<List<SettlementCell>> SettlementAsync(IReadOnlyCollection<int> citizenKommuner, int fromDay, int toDay, CancellationToken ct)
    {
        var rows = await db.StatSettlement.AsNoTracking()
            .Where(s => citizenKommuner.Contains(s.CitizenKommune) && s.LocalDay >= fromDay && s.LocalDay <= toDay)
            .GroupBy(s => new { s.AnsweredBy, s.CitizenKommune })
            .Select(g => new { g.Key.AnsweredBy, g.Key.CitizenKommune, Chats = g.Sum(s => s.Chats), HandledMs = g.Sum(s => s.HandledMs) })
            .ToListAsync(ct);
        var start = Instant.FromDateTimeOffset(DateOnly.FromDayNumber(fromDay).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        return rows.Select(r => new SettlementCell(start, r.AnsweredBy, r.CitizenKommune, r.Chats, r.HandledMs)).ToList();
    }

    /// <summary>The invitations of each kommune over the period, or per day with <paramref name="byDay"/>.</summary>
    public async Task<List<InvitationCounts>> InvitationsAsync(IReadOnlyCollection<int> kommuner, int fromDay, int toDay, bool byDay, CancellationToken ct)
    {
        var rows = await db.StatInvitations.AsNoTracking()
            .Where(i => kommuner.Contains(i.KommuneKode) && i.LocalDay >= fromDay && i.LocalDay <= toDay)
            .Select(i => new { i.KommuneKode, i.LocalDay, i.Shown, i.Accepted, i.Declined, i.Expired })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.KommuneKode, Day: byDay ? r.LocalDay : 0))
            .Select(g => new InvitationCounts(g.Key.KommuneKode, g.Key.Day, g.Sum(r => r.Shown), g.Sum(r => r.Accepted), g.Sum(r => r.Declined), g.Sum(r => r.Expired)))
            .OrderBy(c => c.KommuneKode).ThenBy(c => c.LocalDay).ToList();
    }

    /// <summary>The hours themselves between two instants (sums, no histograms): what the demand forecast reads for a few weeks.</summary>
    public async Task<List<StatHour>> HoursAsync(IReadOnlyCollection<int> kommuner, Instant from, Instant to, CancellationToken ct)
    {
        var (start, end) = (from.ToDateTimeOffset(), to.ToDateTimeOffset());
        var rows = await db.StatHours.AsNoTracking()
            .Where(h => kommuner.Contains(h.KommuneKode) && h.HourStart >= start && h.HourStart < end)
            .Select(h => new { h.KommuneKode, h.HourStart, h.Offered, h.Answered, h.Abandoned, h.WaitMs, h.AnsweredWaitMs, h.AbandonedWaitMs, h.HandleMs, h.ServedOwn, h.ServedShared, h.ServedOverflow })
            .ToListAsync(ct);
        return rows.Select(h => new StatHour(h.KommuneKode, Instant.FromDateTimeOffset(h.HourStart), new StatFigures(
            h.Offered, h.Answered, h.Abandoned, h.WaitMs, h.AnsweredWaitMs, h.AbandonedWaitMs, h.HandleMs, h.ServedOwn, h.ServedShared, h.ServedOverflow,
            DurationHistogram.Empty, DurationHistogram.Empty, DurationHistogram.Empty))).ToList();
    }

    private async Task<List<StatGroup>> SumAsync(string table, string part, IReadOnlyCollection<int> kommuner, string where, object[] parameters, CancellationToken ct)
    {
        if (kommuner.Count == 0)
        {
            return [];
        }

        // The kommune codes are ints of our own, written into the text; the period goes as parameters.
        var sums = string.Join(", ", StatColumns.Sums.Concat(StatColumns.Bins).Select(c => $"SUM(\"{c}\")"));
        var codes = string.Join(", ", kommuner.Select(k => k.ToString(CultureInfo.InvariantCulture)));
        var text = $"SELECT \"KommuneKode\", {part}, {sums} FROM {table} WHERE \"KommuneKode\" IN ({codes}) AND {where} GROUP BY \"KommuneKode\"{(part == "0" ? "" : ", " + part)}";
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture, text, parameters.Select((_, i) => (object)$"@p{i}").ToArray());
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = parameters[i];
                command.Parameters.Add(parameter);
            }

            var groups = new List<StatGroup>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                groups.Add(Read(reader));
            }

            return groups.OrderBy(g => g.KommuneKode).ThenBy(g => g.Part).ToList();
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static StatGroup Read(DbDataReader reader)
    {
        long Sum(int column) => reader.IsDBNull(column) ? 0 : Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);
        int Count(int column) => checked((int)Sum(column));
        DurationHistogram Histogram(int first) => DurationHistogram.FromBins([.. Enumerable.Range(first, StatBins.Count).Select(Count)]);
        const int sums = 2;
        var bins = sums + StatColumns.Sums.Length;
        var figures = new StatFigures(
            Count(sums), Count(sums + 1), Count(sums + 2), Sum(sums + 3), Sum(sums + 4), Sum(sums + 5), Sum(sums + 6),
            Count(sums + 7), Count(sums + 8), Count(sums + 9),
            Histogram(bins), Histogram(bins + StatBins.Count), Histogram(bins + (2 * StatBins.Count)));
        return new StatGroup(reader.GetInt32(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), figures, Count(sums + 10), Count(sums + 11), Count(sums + 12));
    }
}
