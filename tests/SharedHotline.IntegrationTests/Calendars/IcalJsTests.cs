using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.IntegrationTests.Rota;

namespace SharedHotline.IntegrationTests.Calendars;

/// <summary>
/// The shift feed and the telefonmøde's .ics as an independent parser reads them: ical.js (the web project's
/// devDependency) through node. It must find the Europe/Copenhagen VTIMEZONE with its STANDARD and DAYLIGHT
/// observances (TZOFFSETFROM, TZOFFSETTO, DTSTART, RRULE, as RFC 5545 requires and Outlook expects), and through
/// them turn each event's local times into the right instants.
/// </summary>
public sealed class IcalJsTests
{
    [Fact]
    public async Task The_shift_feed_parses_with_ical_js_with_full_Copenhagen_observances_and_the_right_instants()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var agent = await RotaClient.SignInAsync(server, Demo.FuresoAgent);
        var url = (await agent.Http.GetFromJsonAsync<JsonElement>("/api/staff/me/shifts.ics-link")).GetProperty("url").GetString()!;

        var parsed = await ParseAsync(await server.Http.GetStringAsync(url));

        ExpectCopenhagen(parsed);
        var events = parsed.GetProperty("events").EnumerateArray().ToList();
        events.Should().HaveCount(13);
        events.Should().OnlyContain(e => e.GetProperty("uid").GetString()!.Length > 0 && e.GetProperty("stamp").GetString() != null && e.GetProperty("tzid").GetString() == "Europe/Copenhagen");
        events.Select(e => (e.GetProperty("start").GetString(), e.GetProperty("end").GetString())).Should()
            .Contain(("2026-11-24T14:00:00.000Z", "2026-11-24T21:00:00.000Z"), "Tuesday 15-22 in winter time is 14-21 UTC");
    }

    [Fact]
    public async Task The_telefonmøde_ics_parses_with_ical_js_and_its_meeting_starts_at_the_booked_instant()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        using var booked = await server.Http.PostAsJsonAsync("/api/kommuner/holbaek/cases", new { topic = "pas", start = "2026-11-30T09:00:00+01:00", phone = "+45 12 34 56 78" });
        booked.EnsureSuccessStatusCode();
        var receipt = await booked.Content.ReadFromJsonAsync<JsonElement>();

        var parsed = await ParseAsync(await server.Http.GetStringAsync(receipt.GetProperty("calendarUrl").GetString()));

        ExpectCopenhagen(parsed);
        var meeting = parsed.GetProperty("events").EnumerateArray().Should().ContainSingle().Subject;
        meeting.GetProperty("start").GetString().Should().Be("2026-11-30T08:00:00.000Z");
        meeting.GetProperty("end").GetString().Should().Be("2026-11-30T08:15:00.000Z");
        meeting.GetProperty("summary").GetString().Should().Contain("Holbæk Kommune");
    }

    private static void ExpectCopenhagen(JsonElement parsed)
    {
        parsed.GetProperty("version").GetString().Should().Be("2.0");
        parsed.GetProperty("prodid").GetString().Should().NotBeNullOrEmpty();
        var zone = parsed.GetProperty("zones").EnumerateArray().Should().ContainSingle().Subject;
        zone.GetProperty("tzid").GetString().Should().Be("Europe/Copenhagen");
        var observances = zone.GetProperty("observances").EnumerateArray().ToList();
        var standard = observances.Should().ContainSingle(o => o.GetProperty("kind").GetString() == "standard").Subject;
        var daylight = observances.Should().ContainSingle(o => o.GetProperty("kind").GetString() == "daylight").Subject;
        (standard.GetProperty("from").GetString(), standard.GetProperty("to").GetString()).Should().Be(("+02:00", "+01:00"));
        (daylight.GetProperty("from").GetString(), daylight.GetProperty("to").GetString()).Should().Be(("+01:00", "+02:00"));
        standard.GetProperty("rrule").GetString().Should().Contain("BYMONTH=10").And.Contain("BYDAY=-1SU");
        daylight.GetProperty("rrule").GetString().Should().Contain("BYMONTH=3").And.Contain("BYDAY=-1SU");
        standard.GetProperty("start").GetString().Should().NotBeNullOrEmpty();
        daylight.GetProperty("start").GetString().Should().NotBeNullOrEmpty();
    }

    private static async Task<JsonElement> ParseAsync(string ics)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sharedhotline-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var icalJs = Path.Combine(RepositoryPaths.Root, "src", "SharedHotline.Web", "node_modules", "ical.js", "dist", "ical.js");
            File.Exists(icalJs).Should().BeTrue("the server's build installs the web project's packages, ical.js among them");
            var script = Path.Combine(RepositoryPaths.Root, "tests", "SharedHotline.IntegrationTests", "Calendars", "check-ics.mjs");
            using var node = Process.Start(new ProcessStartInfo(Node(), [script, icalJs, file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            node.ExitCode.Should().Be(0, await error);
            return JsonDocument.Parse(await output).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The node on the PATH (the server's build needs it), else the one Playwright ships with the browser tests.</summary>
    private static string Node()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);
        return onPath ?? Path.Combine(RepositoryPaths.Root, "tests", "SharedHotline.BrowserTests", "bin", "Release", "net10.0", ".playwright", "node", "linux-x64", "node");
    }
}
