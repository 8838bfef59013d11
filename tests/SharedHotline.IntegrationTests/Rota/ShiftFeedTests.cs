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
}
