using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Tenancy;

public sealed class KommunerApiTests
{
    [Fact]
    public async Task The_six_demo_kommuner_are_listed_with_their_Danish_names_intact()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);

        var kommuner = await server.Http.GetFromJsonAsync<JsonElement[]>("/api/kommuner");

        kommuner!.Select(k => (k.GetProperty("slug").GetString(), k.GetProperty("name").GetString(), k.GetProperty("kommunekode").GetInt32()))
            .Should().BeEquivalentTo(new[]
            {
                ("fredensborg", "Fredensborg", 210), ("frederikssund", "Frederikssund", 250), ("fureso", "Furesø", 190),
                ("holbaek", "Holbæk", 316), ("soroe", "Sorø", 340), ("koebenhavn", "København", 101),
            });
    }

    [Fact]
    public async Task An_unknown_kommune_slug_gets_a_404_problem_that_names_the_slug()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);

        using var response = await server.Http.GetAsync("/api/kommuner/atlantis/status");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Contain("'atlantis'");
        problem.GetProperty("slug").GetString().Should().Be("atlantis");
    }

    [Fact]
    public async Task Status_during_a_shared_slot_names_the_responsible_kommune_and_the_queue()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));

        var status = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/status");

        status.GetProperty("open").GetBoolean().Should().BeTrue();
        status.GetProperty("mode").GetString().Should().Be("Shared");
        status.GetProperty("responsibleKommune").GetProperty("name").GetString().Should().Be("Furesø");
        status.GetProperty("queueLength").GetInt32().Should().Be(1);
        status.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Contain("Kørekort");
    }

    [Fact]
    public async Task Status_says_what_is_true_nobody_signed_in_then_someone_free_at_once_then_all_busy()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        async Task<JsonElement> StatusAsync() => await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/status");

        var nobody = await StatusAsync();
        nobody.GetProperty("open").GetBoolean().Should().BeTrue();
        nobody.GetProperty("staffing").GetString().Should().Be("unstaffed");
        nobody.GetProperty("estimatedWaitSeconds").ValueKind.Should().Be(JsonValueKind.Null);

        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        await mia.SetPresenceAsync(Presence.Available);
        var free = await StatusAsync();
        free.GetProperty("staffing").GetString().Should().Be("free");
        free.GetProperty("estimatedWaitSeconds").GetInt32().Should().Be(0, "with someone free and nobody waiting the answer comes at once, not in six minutes");

        for (var i = 0; i < 4; i++)
        {
            var citizen = await server.ConnectCitizenAsync();
            await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        }

        var busy = await StatusAsync();
        busy.GetProperty("staffing").GetString().Should().Be("busy", "Mia holds three chats, her capacity, and one waits");
        busy.GetProperty("queueLength").GetInt32().Should().BeGreaterThan(0);
        busy.GetProperty("estimatedWaitSeconds").GetInt32().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Status_when_closed_gives_the_next_opening_with_its_local_offset()
    {
        await using var server = await HotlineServer.StartAsync(Demo.FridayEvening);

        var status = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/holbaek/status");

        status.GetProperty("open").GetBoolean().Should().BeFalse();
        status.GetProperty("mode").GetString().Should().Be("Closed");
        var next = status.GetProperty("nextOpening");
        next.GetProperty("start").GetString().Should().Be("2026-11-30T09:00:00+01:00");
        next.GetProperty("text").GetString().Should().Be("Vi åbner igen mandag kl. 09.00");
    }

    [Fact]
    public async Task Opening_hours_list_own_and_shared_windows_in_local_time()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);

        var windows = await server.Http.GetFromJsonAsync<JsonElement[]>("/api/kommuner/soroe/opening-hours?from=2026-11-26&to=2026-11-28");

        windows!.Select(w => (w.GetProperty("start").GetString(), w.GetProperty("end").GetString(), w.GetProperty("mode").GetString(), w.GetProperty("responsibleKommune").GetProperty("slug").GetString()))
            .Should().Equal(
                ("2026-11-26T09:00:00+01:00", "2026-11-26T17:00:00+01:00", "Own", "soroe"),
                ("2026-11-26T17:00:00+01:00", "2026-11-26T22:00:00+01:00", "Shared", "fureso"),
                ("2026-11-27T09:00:00+01:00", "2026-11-27T15:00:00+01:00", "Own", "soroe"),
                ("2026-11-27T15:00:00+01:00", "2026-11-27T18:00:00+01:00", "Shared", "fureso"));
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-12-01", "from")]
    [InlineData("from=2026-12-10&to=2026-12-01", "to")]
    [InlineData("from=2026-01-01&to=2026-12-31", "to")]
    [InlineData("from=yesterday", "from")]
    public async Task Invalid_opening_hours_ranges_get_a_400_with_field_errors(string query, string field)
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);

        using var response = await server.Http.GetAsync($"/api/kommuner/soroe/opening-hours?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_closed_hotline_takes_a_call_back_booking_and_answers_with_a_receipt()
    {
        await using var server = await HotlineServer.StartAsync(Demo.FridayEvening);

        using var response = await server.Http.PostAsJsonAsync("/api/kommuner/soroe/callbacks", new { topic = "sygedagpenge", name = "Åse", phone = "+45 12 34 56 78", preferredTime = "mandag formiddag" });
        using var invalid = await server.Http.PostAsJsonAsync("/api/kommuner/soroe/callbacks", new { topic = "nope", phone = "12" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        receipt.GetProperty("reference").GetString().Should().StartWith("SOR-");
        receipt.GetProperty("text").GetString().Should().Contain("telefonmøde");
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("topic", "phone");
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);

        (await server.Http.GetStringAsync("/health/live")).Should().Be("Healthy");
        (await server.Http.GetStringAsync("/health/ready")).Should().Be("Healthy");
        var openApi = await server.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        openApi.GetProperty("paths").TryGetProperty("/api/kommuner/{kommune}/status", out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("/api/kommuner/{kommune}/callbacks", "post", "201", "400")]
    [InlineData("/api/partnerships/{partnershipId}/exceptions", "post", "201", "412")]
    [InlineData("/api/partnerships/{partnershipId}/patterns", "post", "201", "428")]
    [InlineData("/api/partnerships/{partnershipId}/patterns/{patternId}/turns", "post", "201", "400")]
    [InlineData("/api/partnerships/{partnershipId}/exceptions/{exceptionId}", "delete", "204", "412")]
    public async Task The_OpenAPI_document_gives_the_status_codes_the_server_answers_with(string path, string method, string success, string problem)
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var openApi = await server.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var responses = openApi.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        responses.EnumerateObject().Select(r => r.Name).Should().Contain([success, problem]).And.NotContain("200");
    }

    [Fact]
    public async Task Fredensborg_and_Frederikssund_have_their_own_reference_prefixes_and_a_clash_stops_the_start()
    {
        await using (var server = await HotlineServer.StartAsync(Demo.SundayLateEvening))
        {
            foreach (var (slug, prefix) in new[] { ("fredensborg", "FRB-"), ("frederikssund", "FRS-"), ("soroe", "SOR-") })
            {
                using var left = await server.Http.PostAsJsonAsync($"/api/kommuner/{slug}/cases", new { topic = "pas", note = "Hej" });
                (await left.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString().Should().StartWith(prefix);
            }
        }

        var clash = () => HotlineServer.StartAsync(Demo.SundayLateEvening, new Dictionary<string, string?> { ["Hotline:Kommuner:1:ReferencePrefix"] = "FRB" });
        (await clash.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("FRB: fredensborg, frederikssund");
    }
}
