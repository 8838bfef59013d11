using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Statistics;
using SharedHotline.Testing;

namespace SharedHotline.Benchmarks;

/// <summary>
/// The statistics for a region: a year of 98 kommuner (about two million chats, folded into hourly buckets as the
/// projection would) loaded into SQLite and PostgreSQL, then the reports' queries timed (median of several runs):
/// one kommune's year, a partnership of five with its settlement, all 98 kommuner's totals. And the projection's own
/// cost: finished chats counted one event at a time (claim + increments in one transaction), per event.
/// </summary>
public static class StatisticsBenchmark
{
    private static readonly DateTimeOffsetToBinaryConverter Times = new();
    private static readonly string[] Histograms = ["Wait", "Handle", "Abandon"];

    public static async Task RunAsync(TextWriter output, int kommuner = 98, int chatsPerKommunePerYear = 20_400)
    {
        var zone = RotaSnapshot.Copenhagen;
        var until = Instant.FromUtc(2026, 12, 1, 0, 0);
        var from = until - Duration.FromDays(365);
        var watch = Stopwatch.StartNew();
        var outcomes = Generate(kommuner, chatsPerKommunePerYear, from, until, zone);
        var hours = StatHour.Fold(outcomes);
        var settlement = outcomes.Select(SettlementCell.From).OfType<SettlementCell>().GroupBy(c => (c.HourStart, c.AnsweredByKommune, c.CitizenKommune))
            .Select(g => new SettlementCell(g.Key.HourStart, g.Key.AnsweredByKommune, g.Key.CitizenKommune, g.Sum(c => c.Chats), g.Sum(c => c.HandledMs))).ToList();
        var topics = outcomes.GroupBy(o => (o.KommuneKode, Hour: StatHour.HourOf(o.StartedAt), o.Topic)).Select(g => (g.Key.KommuneKode, g.Key.Hour, g.Key.Topic, g.Count())).ToList();
        output.WriteLine($"generated {outcomes.Count:N0} chats of {kommuner} kommuner over a year: {hours.Count:N0} hour buckets, {settlement.Count:N0} settlement cells, {topics.Count:N0} topic counts ({watch.Elapsed.TotalSeconds:F1} s)");

        var folder = Path.Combine(Path.GetTempPath(), "hotline-stats-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await using var postgres = await PostgresServer.StartAsync();
        var pg = new DbContextOptionsBuilder<PostgresHotlineDbContext>().UseNpgsql(PostgresConnectionTuning.Apply(await postgres.CreateDatabaseAsync())).Options;
        var sqlite = new DbContextOptionsBuilder<HotlineDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "stats.db")}").Options;
        foreach (var (name, create) in new (string, Func<HotlineDbContext>)[] { ("SQLite", () => new HotlineDbContext(sqlite)), ("PostgreSQL", () => new PostgresHotlineDbContext(pg)) })
        {
            await using (var db = create())
            {
                await db.Database.MigrateAsync();
                watch.Restart();
                await LoadAsync(db, hours, settlement, topics, zone);
                output.WriteLine($"{name}: loaded in {watch.Elapsed.TotalSeconds:F1} s");
            }

            var members = new[] { 1000, 1001, 1002, 1003, 1004 };
            var all = Enumerable.Range(1000, kommuner).ToList();
            var (first, last) = (StatisticsWrites.DayOf(from, zone), StatisticsWrites.DayOf(until, zone) - 1);
            await TimeAsync(output, name, "one kommune, a year: totals, days, hours of the week, topics", create, async reads =>
            {
                await reads.TotalsAsync([1000], first, last, default);
                await reads.ByDayAsync([1000], first, last, default);
                await reads.ByHourOfWeekAsync([1000], first, last, default);
                await reads.TopicsAsync([1000], first, last, default);
            });
            await TimeAsync(output, name, "a partnership of five, a year: totals, days, hours of the week, topics, settlement", create, async reads =>
            {
                await reads.TotalsAsync(members, first, last, default);
                await reads.ByDayAsync(members, first, last, default);
                await reads.ByHourOfWeekAsync(members, first, last, default);
                await reads.TopicsAsync(members, first, last, default);
                await reads.SettlementAsync(members, first, last, default);
            });
            await TimeAsync(output, name, $"all {kommuner} kommuner, a year: totals", create, reads => reads.TotalsAsync(all, first, last, default));
            await TimeAsync(output, name, $"all {kommuner} kommuner, a year: hours of the week", create, reads => reads.ByHourOfWeekAsync(all, first, last, default));
            await TimeAsync(output, name, "staffing forecast input: a partnership's last 8 weeks of hours", create, reads => reads.HoursAsync(members, until - Duration.FromDays(56), until, default));
            await ProjectionCostAsync(output, name, create, outcomes.Take(2_000).ToList(), zone);
        }
    }

    private static async Task TimeAsync(TextWriter output, string database, string what, Func<HotlineDbContext> create, Func<StatisticsReads, Task> query)
    {
        var runs = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            await using var db = create();
            var watch = Stopwatch.StartNew();
            await query(new StatisticsReads(db));
            runs.Add(watch.Elapsed.TotalMilliseconds);
        }

        var measured = runs.Skip(1).Order().ToList();
        output.WriteLine($"{database}: {what}: median {measured[measured.Count / 2]:F0} ms (min {measured[0]:F0}, max {measured[^1]:F0}; first run {runs[0]:F0} ms)");
    }

    private static async Task ProjectionCostAsync(TextWriter output, string database, Func<HotlineDbContext> create, List<ChatOutcome> chats, DateTimeZone zone)
    {
        await using var db = create();
        var watch = Stopwatch.StartNew();
        foreach (var chat in chats)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (await StatisticsWrites.ClaimEventAsync(db, Guid.NewGuid(), DateTimeOffset.UtcNow, default))
            {
                await StatisticsWrites.AddChatAsync(db, chat, zone, default);
            }

            await transaction.CommitAsync();
        }

        output.WriteLine($"{database}: projection, one finished chat counted per event: {watch.Elapsed.TotalMilliseconds / chats.Count:F2} ms per event ({chats.Count} events, one at a time)");
    }

    private static List<ChatOutcome> Generate(int kommuner, int perYear, Instant from, Instant until, DateTimeZone zone)
    {
        var random = new Random(98);
        var list = new List<ChatOutcome>(kommuner * perYear);
        var span = (long)(until - from).TotalSeconds;
        string[] topicCodes = ["pas", "koerekort", "mitid", "digital-post", "folkeregister", "sygedagpenge", "kontanthjaelp", "boliganvisning"];
        for (var k = 0; k < kommuner; k++)
        {
            var kode = 1000 + k;
            var count = 0;
            while (count < perYear)
            {
                var start = from + Duration.FromSeconds(random.NextInt64(span));
                var hour = start.InZone(zone).Hour;
                if (hour < 8 || hour >= 22)
                {
                    continue;
                }

                count++;
                var wait = Duration.FromSeconds(-60 * Math.Log(1 - random.NextDouble()));
                var topic = topicCodes[random.Next(topicCodes.Length)];
                if (random.NextDouble() < 0.06)
                {
                    list.Add(new ChatOutcome(Guid.NewGuid(), kode, topic, start, null, start + wait, null, null, true));
                    continue;
                }

                var answeredBy = hour < 15 ? kode : 1000 + ((k / 5 * 5) + random.Next(5)) % kommuner;
                var served = hour < 15 ? ServedIn.Own : random.NextDouble() < 0.05 ? ServedIn.Overflow : ServedIn.Shared;
                var handle = Duration.FromSeconds(Math.Clamp(-420 * Math.Log(1 - random.NextDouble()), 45, 3600));
                list.Add(new ChatOutcome(Guid.NewGuid(), kode, topic, start, start + wait, start + wait + handle, answeredBy, served, false));
            }
        }

        return list;
    }

    private static async Task LoadAsync(HotlineDbContext db, IReadOnlyList<StatHour> hours, List<SettlementCell> settlement, List<(int, Instant, string, int)> topics, DateTimeZone zone)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        string[] sums = ["Offered", "Answered", "Abandoned", "WaitMs", "AnsweredWaitMs", "AbandonedWaitMs", "HandleMs", "ServedOwn", "ServedShared", "ServedOverflow", "MeetingsBooked", "MeetingsHeld", "MessagesLeft"];
        var bins = Histograms.SelectMany(h => Enumerable.Range(0, 20).Select(b => $"{h}_B{b}")).ToArray();
        object[] Figures(StatFigures f) =>
        [
            f.Offered, f.Answered, f.Abandoned, f.WaitMs, f.AnsweredWaitMs, f.AbandonedWaitMs, f.HandleMs, f.ServedOwn, f.ServedShared, f.ServedOverflow, 0, 0, 0,
            .. f.WaitHistogram.Bins.Cast<object>(), .. f.HandleHistogram.Bins.Cast<object>(), .. f.AbandonHistogram.Bins.Cast<object>(),
        ];
        int Day(Instant t) => StatisticsWrites.DayOf(t, zone);
        await BulkAsync(connection, "stat_hours", ["KommuneKode", "HourStart", "LocalDay", "HourOfWeek", .. sums, .. bins],
            hours.Select(h => new object[] { h.KommuneKode, T(h.HourStart), Day(h.HourStart), HourOfWeek.Of(h.HourStart, zone).Index }.Concat(Figures(h.Figures)).ToArray()));
        await BulkAsync(connection, "stat_days", ["KommuneKode", "LocalDay", .. sums, .. bins],
            hours.GroupBy(h => (h.KommuneKode, Day: Day(h.HourStart))).Select(g => new object[] { g.Key.KommuneKode, g.Key.Day }.Concat(Figures(StatHour.Sum(g))).ToArray()));
        await BulkAsync(connection, "stat_topics", ["KommuneKode", "LocalDay", "Topic", "Chats"],
            topics.GroupBy(t => (t.Item1, Day: Day(t.Item2), t.Item3)).Select(g => new object[] { g.Key.Item1, g.Key.Day, g.Key.Item3, g.Sum(t => t.Item4) }));
        await BulkAsync(connection, "stat_settlement", ["LocalDay", "AnsweredBy", "CitizenKommune", "Chats", "HandledMs"],
            settlement.GroupBy(s => (Day: Day(s.HourStart), s.AnsweredByKommune, s.CitizenKommune)).Select(g => new object[] { g.Key.Day, g.Key.AnsweredByKommune, g.Key.CitizenKommune, g.Sum(s => s.Chats), g.Sum(s => s.HandledMs) }));
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static long T(Instant t) => (long)Times.ConvertToProvider(t.ToDateTimeOffset())!;

    private static async Task BulkAsync(DbConnection connection, string table, string[] columns, IEnumerable<object[]> rows)
    {
        var quoted = string.Join(", ", columns.Select(c => $"\"{c}\""));
        if (connection is NpgsqlConnection pg)
        {
            await using var import = await pg.BeginBinaryImportAsync($"COPY {table} ({quoted}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await import.StartRowAsync();
                foreach (var value in row)
                {
                    await (value switch
                    {
                        int i => import.WriteAsync(i, NpgsqlDbType.Integer),
                        long l => import.WriteAsync(l, NpgsqlDbType.Bigint),
                        string s => import.WriteAsync(s, NpgsqlDbType.Text),
                        _ => throw new InvalidOperationException(value.GetType().Name),
                    });
                }
            }

            await import.CompleteAsync();
            return;
        }

        var sqlite = (SqliteConnection)connection;
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({quoted}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
