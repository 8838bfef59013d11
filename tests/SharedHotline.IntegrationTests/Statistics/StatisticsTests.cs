using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Events;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Rota;

namespace SharedHotline.IntegrationTests.Statistics;

/// <summary>
/// Eight generated weeks whose true figures the test counts itself: the events of every chat go through the outbox to
/// the projection, and the API's numbers, the settlement and the CSV agree with the truth and with a rebuild.
/// </summary>
public sealed class StatisticsTests
{
    private const string Partnership = "nordsjaelland-vestsjaelland";

    [Fact]
    public async Task Every_figure_of_a_generated_history_matches_the_truth_and_a_rebuild_gives_the_same()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var history = await GenerateAsync(server);
        using var coordinator = await StaffAccounts.ClientAsync(server, "koordinator");
        var (from, to) = Period(server);

        var report = await coordinator.GetFromJsonAsync<JsonElement>($"/api/statistics/partnerships/{Partnership}?from={from}&to={to}");

        var members = new[] { 210, 250, 190, 316, 340 };
        foreach (var kommune in report.GetProperty("report").GetProperty("kommuner").EnumerateArray())
        {
            var slug = kommune.GetProperty("kommune").GetProperty("slug").GetString();
            var kode = await KodeOfAsync(server, slug!);
            var mine = history.Where(c => c.KommuneKode == kode).ToList();
            var total = kommune.GetProperty("total");
            total.GetProperty("offered").GetInt32().Should().Be(mine.Count, slug);
            total.GetProperty("answered").GetInt32().Should().Be(mine.Count(c => c.FirstAcceptedAt is not null), slug);
            total.GetProperty("abandoned").GetInt32().Should().Be(mine.Count(c => c.FirstAcceptedAt is null), slug);
            total.GetProperty("serviceLevel").GetDouble().Should().BeApproximately(
                (double)mine.Count(c => c.FirstAcceptedAt - c.CreatedAt <= TimeSpan.FromSeconds(60)) / mine.Count, 1e-9, $"{slug}: 60 s is a bin edge, so the share is exact");
            var waits = mine.Where(c => c.FirstAcceptedAt is not null).Select(c => (c.FirstAcceptedAt!.Value - c.CreatedAt).TotalSeconds).Order().ToList();
            var p50 = total.GetProperty("waitP50Seconds").GetDouble();
            p50.Should().BeInRange(Bin(waits[(waits.Count - 1) / 2]).Lower, Bin(waits[waits.Count / 2]).Upper, $"{slug}: the median lies in the median's bin");
            kommune.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("figures").GetProperty("offered").GetInt32()).Should().Be(mine.Count);
            kommune.GetProperty("hoursOfWeek").EnumerateArray().Sum(d => d.GetProperty("figures").GetProperty("answered").GetInt32()).Should().Be(mine.Count(c => c.FirstAcceptedAt is not null));
            kommune.GetProperty("topics").EnumerateArray().Sum(t => t.GetProperty("chats").GetInt32()).Should().Be(mine.Count);
        }

        var fredensborg = Offered(report, "fredensborg");
        fredensborg.Should().BeGreaterThan(2 * Offered(report, "soroe"), "Fredensborg's citizens chat about three times as often as Sorø's");

        var settlement = report.GetProperty("settlement");
        var answered = history.Where(c => members.Contains(c.KommuneKode) && c.AnsweredByKommune is not null).ToList();
        settlement.GetProperty("chats").GetInt32().Should().Be(answered.Count);
        foreach (var row in settlement.GetProperty("rows").EnumerateArray())
        {
            var by = await KodeOfAsync(server, row.GetProperty("answeredBy").GetProperty("slug").GetString()!);
            row.GetProperty("chats").GetInt32().Should().Be(answered.Count(c => c.AnsweredByKommune == by));
            row.GetProperty("handledMinutes").GetDouble().Should().BeApproximately(answered.Where(c => c.AnsweredByKommune == by).Sum(c => (c.EndedAt!.Value - c.FirstAcceptedAt!.Value).TotalMinutes), 0.1);
        }

        using var rebuilt = await (await StaffAccounts.ClientAsync(server, "admin")).PostAsync("/api/statistics/rebuild", null);
        rebuilt.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await coordinator.GetFromJsonAsync<JsonElement>($"/api/statistics/partnerships/{Partnership}?from={from}&to={to}");
        again.ToString().Should().Be(report.ToString(), "the projection and the recomputation from the stored chats agree exactly");
    }

    [Fact]
    public async Task The_settlement_CSV_opens_in_Danish_Excel_and_round_trips_to_the_same_numbers()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await GenerateAsync(server);
        using var coordinator = await StaffAccounts.ClientAsync(server, "koordinator");
        var (from, to) = Period(server);
        var json = await coordinator.GetFromJsonAsync<JsonElement>($"/api/statistics/partnerships/{Partnership}?from={from}&to={to}");

        var bytes = await coordinator.GetByteArrayAsync($"/api/statistics/partnerships/{Partnership}/settlement.csv?from={from}&to={to}");

        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), ';');
        rows[0][0].Should().Be("Besvaret af");
        var danish = CultureInfo.GetCultureInfo("da-DK");
        var totals = rows[^1];
        totals[0].Should().Be("I alt");
        int.Parse(totals[^2], danish).Should().Be(json.GetProperty("settlement").GetProperty("chats").GetInt32());
        double.Parse(totals[^1], danish).Should().BeApproximately(json.GetProperty("settlement").GetProperty("handledMinutes").GetDouble(), 1e-9);
        rows.Skip(1).Should().OnlyContain(r => r.Count == rows[0].Count);
    }

    [Fact]
    public async Task An_ended_chat_reaches_the_figures_once_through_the_outbox_even_when_its_event_comes_twice()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        server.Advance(TimeSpan.FromSeconds(90));
        await citizen.EndChatAsync();
        using var soroeAdmin = await AdminAsync(server);

        var total = await WaitForAsync(soroeAdmin, t => t.GetProperty("answered").GetInt32() == 1);
        total.GetProperty("offered").GetInt32().Should().Be(1);
        total.GetProperty("shareShared").GetDouble().Should().Be(1, "Furesø's agent answered Sorø's citizen on the shared slot");

        var ended = await StaffAccounts.WithDbAsync(server, db => db.OutboxMessages.Where(o => o.Type == nameof(ChatEnded)).Select(o => o.Payload).SingleAsync());
        var repeat = JsonSerializer.Deserialize<ChatEnded>(ended, JsonSerializerOptions.Web)!;
        var counted = await StaffAccounts.WithDbAsync(server, db => db.StatEvents.CountAsync());
        var bus = server.Services.GetRequiredService<IBus>();
        await bus.Publish(repeat, c => c.MessageId = repeat.EventId);
        await bus.Publish(repeat with { EventId = Guid.NewGuid() }, c => c.MessageId = Guid.NewGuid());
        await StaffAccounts.WithDbAsync(server, db => WaitAsync(async () => await db.StatEvents.CountAsync() == counted + 1));
        (await TotalAsync(soroeAdmin)).GetProperty("offered").GetInt32().Should().Be(2,
            "the repeated event was recognised by its id, and only the copy with a new id counted again (a real repeat keeps its id)");
        _ = agent;
        _ = chat;
    }

    [Fact]
    public async Task An_agent_sees_no_statistics_and_a_kommune_admin_only_her_own_kommunes()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var agent = await StaffAccounts.ClientAsync(server, "sofie.soroe");
        using var admin = await AdminAsync(server);

        (await agent.GetAsync("/api/statistics/kommuner/soroe")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await agent.GetAsync($"/api/statistics/partnerships/{Partnership}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/statistics/kommuner/soroe")).StatusCode.Should().Be(HttpStatusCode.OK);
        var foreign = await admin.GetAsync("/api/statistics/kommuner/holbaek");
        foreign.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("not_authorized");
        (await admin.GetAsync($"/api/statistics/partnerships/{Partnership}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the settlement is the coordinators'");
        var bad = await admin.GetAsync("/api/statistics/kommuner/soroe?from=2026-13-01");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("period", out _).Should().BeTrue();
    }

    private static async Task<List<ChatRecord>> GenerateAsync(HotlineServer server)
    {
        var rota = await server.Services.GetRequiredService<RotaProvider>().GetAsync(default);
        var history = DemoHistory.Create(rota, server.Time.GetUtcNow(), seed: 7).ToList();
        await StaffAccounts.WithDbAsync(server, async db =>
        {
            db.Chats.AddRange(history);
            foreach (var chat in history)
            {
                Outbox.Add(db, chat.State == ChatState.Abandoned
                    ? new ChatAbandoned(chat.Id, chat.KommuneKode, chat.EndedAt!.Value)
                    : new ChatEnded(chat.Id, chat.KommuneKode, null, "agent", chat.EndedAt!.Value));
            }

            return await db.SaveChangesAsync();
        });
        await StaffAccounts.WithDbAsync(server, db => WaitAsync(async () => await db.StatEvents.CountAsync() == history.Count, TimeSpan.FromSeconds(60)));
        return history;
    }

    private static async Task<HttpClient> AdminAsync(HotlineServer server)
    {
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        return await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);
    }

    private static async Task<JsonElement> TotalAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/statistics/kommuner/soroe")).GetProperty("kommuner")[0].GetProperty("total");

    private static async Task<JsonElement> WaitForAsync(HttpClient admin, Func<JsonElement, bool> done)
    {
        JsonElement total = default;
        await WaitAsync(async () => done(total = await TotalAsync(admin)));
        return total;
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await done())
        {
            DateTime.UtcNow.Should().BeBefore(until, "the projection should have caught up");
            await Task.Delay(100);
        }

        return true;
    }

    private static (string From, string To) Period(HotlineServer server)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(server.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);
        return (today.AddDays(-7 * DemoHistory.Weeks - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static int Offered(JsonElement report, string slug) =>
        report.GetProperty("report").GetProperty("kommuner").EnumerateArray().Single(k => k.GetProperty("kommune").GetProperty("slug").GetString() == slug).GetProperty("total").GetProperty("offered").GetInt32();

    private static async Task<int> KodeOfAsync(HotlineServer server, string slug) =>
        (await server.Services.GetRequiredService<RotaProvider>().GetAsync(default)).Kommuner.Single(k => k.Slug == slug).Kode;

    private static (double Lower, double Upper) Bin(double seconds)
    {
        var edges = Domain.Statistics.DurationHistogram.UpperEdgesSeconds;
        var lower = 0d;
        foreach (var edge in edges)
        {
            if (seconds <= edge)
            {
                return (lower, edge);
            }

            lower = edge;
        }

        return (lower, lower);
    }
}
