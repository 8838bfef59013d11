using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Rota;

public sealed class RotaEditingTests
{
    private static readonly string Exceptions = $"/api/partnerships/{RotaClient.PartnershipId}/exceptions";
    private static readonly string Patterns = $"/api/partnerships/{RotaClient.PartnershipId}/patterns";
    private static readonly object Cancellation = new { kind = "Cancelled", date = "2026-11-25", patternId = RotaClient.MonThuPatternId };

    [Fact]
    public async Task A_second_coordinators_edit_against_the_old_ETag_gets_412_and_changes_nothing()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var first = await RotaClient.SignInAsync(server, RotaClient.Coordinator);
        using var second = await RotaClient.SignInAsync(server, await RotaTestData.AddSecondDemoCoordinatorAsync(server));
        var loaded = await first.ETagAsync();
        (await second.ETagAsync()).Should().Be(loaded);

        using var won = await first.SendAsync(HttpMethod.Post, Exceptions, Cancellation, loaded);
        using var stale = await second.SendAsync(HttpMethod.Post, Exceptions, new { kind = "Cancelled", date = "2026-11-26" }, loaded);

        won.StatusCode.Should().Be(HttpStatusCode.Created);
        won.Headers.ETag!.ToString().Should().NotBe(loaded);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await RotaClient.ProblemAsync(stale)).GetProperty("currentVersion").GetInt32().Should().Be(2);
        var exceptions = await second.Http.GetFromJsonAsync<JsonElement[]>(Exceptions);
        exceptions!.Should().ContainSingle().Which.GetProperty("date").GetString().Should().Be("2026-11-25");
        (await second.ETagAsync()).Should().Be(won.Headers.ETag.ToString());
    }

    [Fact]
    public async Task A_write_without_IfMatch_gets_428_and_a_blind_IfMatch_star_too()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);

        using var without = await coordinator.SendAsync(HttpMethod.Post, Exceptions, Cancellation, null);
        using var star = await coordinator.SendAsync(HttpMethod.Delete, $"{Patterns}/{RotaClient.MonThuPatternId}", null, "*");

        without.StatusCode.Should().Be((HttpStatusCode)428);
        star.StatusCode.Should().Be((HttpStatusCode)428);
        (await RotaClient.ProblemAsync(without)).GetProperty("detail").GetString().Should().Contain("If-Match");
    }

    [Fact]
    public async Task An_agent_may_not_read_or_edit_the_partnership_rota()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var agent = await RotaClient.SignInAsync(server, Demo.FuresoAgent);

        using var write = await agent.SendAsync(HttpMethod.Post, Exceptions, Cancellation, "\"1\"");
        using var read = await agent.Http.GetAsync($"/api/partnerships/{RotaClient.PartnershipId}/rota");

        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        read.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_coordinator_of_another_partnership_gets_403_and_an_unknown_partnership_404()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var outsider = await RotaClient.SignInAsync(server, await RotaTestData.AddOtherPartnershipWithCoordinatorAsync(server));

        using var write = await outsider.SendAsync(HttpMethod.Post, Exceptions, Cancellation, "\"1\"");
        using var read = await outsider.Http.GetAsync($"/api/partnerships/{RotaClient.PartnershipId}/slots");
        using var unknown = await outsider.SendAsync(HttpMethod.Post, "/api/partnerships/atlantis/exceptions", Cancellation, "\"1\"");
        using var own = await outsider.Http.GetAsync($"/api/partnerships/{RotaTestData.OtherPartnershipId}/rota");

        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await RotaClient.ProblemAsync(write)).GetProperty("title").GetString().Should().Be("Not your partnership");
        read.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rota").GetProperty("name").GetString().Should().Be("Sydsjællands hotline");
    }

    [Fact]
    public async Task Malformed_and_invalid_bodies_get_400_with_the_offending_fields()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);
        var etag = await coordinator.ETagAsync();
        var furesø = DemoStaff.IdOf(Demo.FuresoAgent);
        object Pattern(string start, string end, string day = "Saturday", object? agents = null, int kommune = 190) => new
        {
            days = new[] { day },
            start,
            end,
            validFrom = "2026-12-01",
            rotation = new { kind = "ByIsoWeek", anchor = "2026-11-30", turns = new[] { new { kommune, agentIds = agents ?? new[] { furesø } } } },
        };

        var cases = new (string Json, string[] Fields)[]
        {
            ("{\"days\":[\"Saturday\"],\"start\":\"kl. 15\"}", ["start"]),
            ("{\"days\":[\"Lørdag\"]}", ["days[0]"]),
            ("[1,2]", ["body"]),
            ("{}", ["days", "start", "end", "validFrom", "rotation"]),
            (Json(Pattern("18:00", "10:00")), ["end"]),
            (Json(Pattern("10:00", "12:00", agents: new[] { Guid.NewGuid() }, kommune: 999)), ["rotation.turns[0].kommune", "rotation.turns[0].agentIds"]),
            (Json(Pattern("21:00", "23:00", day: "Tuesday")), ["start"]),
            (Json(Pattern("10:00", "12:00")).Replace("2026-12-01", "1999-12-31", StringComparison.Ordinal), ["validFrom"]),
        };

        foreach (var (json, fields) in cases)
        {
            using var response = await coordinator.SendRawAsync(HttpMethod.Post, Patterns, json, etag);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, json);
            RotaClient.ErrorFields(await RotaClient.ProblemAsync(response)).Should().BeEquivalentTo(fields, json);
        }

        using var swap = await coordinator.SendAsync(HttpMethod.Post, Exceptions, new { kind = "Swap", date = "2026-11-20", fromAgentId = furesø }, etag);
        RotaClient.ErrorFields(await RotaClient.ProblemAsync(swap)).Should().Equal("date");
        (await coordinator.ETagAsync()).Should().Be(etag, "nothing invalid was stored");
    }

    [Fact]
    public async Task Every_edit_is_audited_with_who_when_and_the_item_before_and_after()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);
        var turns = $"{Patterns}/{RotaClient.MonThuPatternId}/turns";
        var holbaek = new { kommune = 316, agentIds = new[] { DemoStaff.IdOf(Demo.HolbaekAgent) } };

        using var replaced = await coordinator.SendAsync(HttpMethod.Put, $"{turns}/3", holbaek, await coordinator.ETagAsync());
        replaced.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Advance(TimeSpan.FromMinutes(3));
        using var removed = await coordinator.SendAsync(HttpMethod.Delete, $"{turns}/4", null, replaced.Headers.ETag!.ToString());
        removed.StatusCode.Should().Be(HttpStatusCode.NoContent);

        var audit = await coordinator.Http.GetFromJsonAsync<JsonElement[]>($"/api/partnerships/{RotaClient.PartnershipId}/audit");

        audit!.Select(a => a.GetProperty("action").GetString()).Should().Equal("turn.deleted", "turn.updated");
        var update = audit![1];
        update.GetProperty("changedByName").GetString().Should().Be("Karen Østergaard");
        update.GetProperty("changedBy").GetGuid().Should().Be(DemoStaff.IdOf(RotaClient.Coordinator));
        update.GetProperty("at").GetDateTimeOffset().Should().Be(Demo.TuesdayEvening);
        update.GetProperty("target").GetString().Should().Be($"{RotaClient.MonThuPatternId}/turns/3");
        update.GetProperty("before").GetProperty("agentIds").EnumerateArray().Select(a => a.GetGuid()).Should().BeEquivalentTo(DemoStaff.AgentsOf(316));
        update.GetProperty("after").GetProperty("agentIds").EnumerateArray().Select(a => a.GetGuid()).Should().Equal(DemoStaff.IdOf(Demo.HolbaekAgent));
        audit[0].GetProperty("after").ValueKind.Should().Be(JsonValueKind.Null);
        audit[0].GetProperty("before").GetProperty("kommuneKode").GetInt32().Should().Be(340);
        audit[0].GetProperty("version").GetInt32().Should().Be(3);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
