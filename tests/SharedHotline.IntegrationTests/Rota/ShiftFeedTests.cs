using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Rota;

public sealed class ShiftFeedTests
{
    [Fact]
    public async Task An_agents_calendar_feed_lists_their_shifts_in_Copenhagen_time_without_sign_in()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var agent = await RotaClient.SignInAsync(server, Demo.FuresoAgent);
        var link = await agent.Http.GetFromJsonAsync<JsonElement>("/api/staff/me/shifts.ics-link");
        var url = new Uri(link.GetProperty("url").GetString()!);

        using var calendarProgram = new HttpClient();
        using var response = await calendarProgram.GetAsync(url);
        var ics = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        // Furesø's weeks from 17 November 2026 to 22 February 2027: week 48 (5 slots), week 53 (3: nytårsaften
        // and nytårsdag are closed) and week 5 of 2027 (5).
        Regex.Matches(ics, "^BEGIN:VEVENT", RegexOptions.Multiline).Should().HaveCount(13);
        ics.Should().Contain("DTSTART;TZID=Europe/Copenhagen:20261124T150000").And.Contain("DTEND;TZID=Europe/Copenhagen:20261124T220000");
        ics.Should().Contain("DTSTART;TZID=Europe/Copenhagen:20270201T150000");
        ics.Should().Contain("BEGIN:VTIMEZONE").And.Contain("Kolleger: Peter Kjær");
        // RFC 5545 requires a VTIMEZONE to say its observances; Outlook rejects one without them.
        ics.Should().Contain("BEGIN:STANDARD").And.Contain("BEGIN:DAYLIGHT").And.Contain("TZOFFSETTO:+0200").And.Contain("TZOFFSETTO:+0100");
    }

    [Fact]
    public async Task A_tampered_feed_token_gets_404_and_coordinators_without_the_agent_role_get_no_link()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var agent = await RotaClient.SignInAsync(server, Demo.FuresoAgent);
        using var admin = await RotaClient.SignInAsync(server, "admin");
        var url = (await agent.Http.GetFromJsonAsync<JsonElement>("/api/staff/me/shifts.ics-link")).GetProperty("url").GetString()!;

        using var tampered = await server.Http.GetAsync(url.Replace(".ics", "x.ics", StringComparison.Ordinal));
        using var adminLink = await admin.Http.GetAsync("/api/staff/me/shifts.ics-link");

        tampered.StatusCode.Should().Be(HttpStatusCode.NotFound);
        adminLink.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_new_address_replaces_the_old_one_a_revoked_one_stops_and_a_disabled_agents_feed_stops()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var agent = await RotaClient.SignInAsync(server, Demo.FuresoAgent);
        await StaffAccounts.AddAsync(server, "admin.fureso", 190, [SharedHotline.Infrastructure.Persistence.StaffRoles.Admin]);
        using var admin = await StaffAccounts.ClientAsync(server, "admin.fureso");
        var first = await LinkAsync(agent, HttpMethod.Get);
        var shownAgain = await LinkAsync(agent, HttpMethod.Get);
        (await server.Http.GetAsync(shownAgain)).StatusCode.Should().Be(HttpStatusCode.OK, "showing the address again changes nothing");

        var second = await LinkAsync(agent, HttpMethod.Post);

        second.Should().NotBe(first);
        (await server.Http.GetAsync(first)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Http.GetAsync(shownAgain)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Http.GetAsync(second)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await agent.Http.DeleteAsync("/api/staff/me/shifts.ics-link")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await server.Http.GetAsync(second)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a revoked address stops");

        var third = await LinkAsync(agent, HttpMethod.Get);
        (await server.Http.GetAsync(third)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/kommuner/fureso/staff/{SharedHotline.Infrastructure.Seeding.DemoStaff.IdOf(Demo.FuresoAgent)}/disable", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Http.GetAsync(third)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a disabled agent's calendar gets no more shifts");
    }

    [Fact]
    public async Task The_feed_secret_is_kept_out_of_the_request_log()
    {
        using var output = new StringWriter();
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" }, configure: services =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services,
                new SharedHotline.Server.Privacy.HotlineLogSink(new SharedHotline.Server.Privacy.TextWriterLogSink(output, SharedHotline.Server.Hosting.HotlineLogging.Formatter(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())))));
        using var agent = await RotaClient.SignInAsync(server, Demo.FuresoAgent);
        var url = await LinkAsync(agent, HttpMethod.Get);
        var token = url.Segments[^1].Replace(".ics", "", StringComparison.Ordinal);

        (await server.Http.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);

        // The request log line is written as the response completes, which may be just after the client has it.
        for (var i = 0; i < 50 && !output.ToString().Contains("/api/shifts/{token}.ics", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        output.ToString().Should().Contain("/api/shifts/{token}.ics").And.NotContain(token);
    }

    private static async Task<Uri> LinkAsync(RotaClient agent, HttpMethod method)
    {
        using var response = await agent.Http.SendAsync(new HttpRequestMessage(method, "/api/staff/me/shifts.ics-link"));
        response.EnsureSuccessStatusCode();
        return new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
    }
}
