using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using static SharedHotline.IntegrationTests.Administration.SettingsClient;

namespace SharedHotline.IntegrationTests.Administration;

public sealed class KommuneSettingsTests
{
    private const string Website = "https://borger.furesoe.dk";

    [Fact]
    public async Task Furesøs_admin_adds_a_website_and_a_canned_answer_which_apply_at_once_and_are_audited_with_who_and_before_and_after()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server, FuresoAdmin);
        using (var before = await WithOrigin(server, "/api/kommuner/fureso/status", Website))
        {
            before.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("the website is not Furesø's yet");
        }

        var (_, etag) = await GetAsync(admin, "fureso");
        var saved = await ChangeAsync(admin, "fureso", s => AddOriginAndCannedAnswer(s, Website + "/", "Åbningstider", "Borgerservice har åbent 9-15."));

        saved.Should().NotBe(etag);
        var (settings, _) = await GetAsync(admin, "fureso");
        settings["websiteOrigins"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Contain(Website, "the origin is stored as browsers send it, without the slash");
        using (var after = await WithOrigin(server, "/api/kommuner/fureso/status", Website))
        {
            after.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be(Website);
        }

        using var page = await server.Http.GetAsync("/fureso/chat?embed=1");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'self' https://www.furesoe.dk " + Website);
        var offer = await OfferOfNewChatAsync(server, Demo.FuresoAgent, "fureso");
        offer.CannedAnswers.Should().Contain(c => c.Title == "Åbningstider" && c.Text == "Borgerservice har åbent 9-15.");

        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/kommuner/fureso/audit");
        audit!.Select(a => a.GetProperty("action").GetString()).Should().BeEquivalentTo(["settings.websiteOrigins", "settings.cannedAnswers"]);
        var origins = audit!.Single(a => a.GetProperty("action").GetString() == "settings.websiteOrigins");
        origins.GetProperty("changedByName").GetString().Should().Be("Louise Friis");
        origins.GetProperty("before").GetString().Should().Be("""["https://www.furesoe.dk"]""");
        origins.GetProperty("after").GetString().Should().Be($"""["https://www.furesoe.dk","{Website}"]""");
        origins.GetProperty("at").GetDateTimeOffset().Should().Be(server.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_change_without_If_Match_gets_428_and_one_against_an_older_version_gets_412_and_changes_nothing()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server, FuresoAdmin);
        var (settings, etag) = await GetAsync(admin, "fureso");
        await ChangeAsync(admin, "fureso", s => s["retentionDays"] = 60);

        using var blind = await PutAsync(admin, "fureso", settings, null);
        using var stale = await PutAsync(admin, "fureso", settings, etag);

        blind.StatusCode.Should().Be(HttpStatusCode.PreconditionRequired);
        (await ProblemAsync(blind)).GetProperty("code").GetString().Should().Be("if_match_required");
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var problem = await ProblemAsync(stale);
        problem.GetProperty("code").GetString().Should().Be("settings_changed");
        problem.GetProperty("currentVersion").GetInt32().Should().Be(1);
        (await GetAsync(admin, "fureso")).Settings["retentionDays"]!.GetValue<int>().Should().Be(60, "the stale change was not applied");
    }

    [Fact]
    public async Task Bad_settings_are_refused_with_a_problem_that_names_each_field_and_change_nothing()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server, FuresoAdmin);
        var (settings, etag) = await GetAsync(admin, "fureso");
        settings["websiteOrigins"]!.AsArray().Add("https://www.furesoe.dk/borger");
        settings["colour"] = "#ffee00";
        settings["topics"]!.AsArray().Add(new JsonObject { ["code"] = "Ny Ting", ["name"] = "Ny ting" });
        settings["cannedAnswers"]!.AsArray().Add(new JsonObject { ["title"] = "Tom", ["text"] = " " });
        settings["selfServiceLinks"]!.AsArray().Add(new JsonObject { ["title"] = "Link", ["url"] = "borger.dk" });
        settings["ownHours"]!.AsArray().Add(new JsonObject { ["day"] = "Saturday", ["from"] = "12:00", ["to"] = "10:00" });
        settings["retentionDays"] = 0;
        settings["sharedStaffInOwnHoursWaitSeconds"] = -1;

        using var response = await PutAsync(admin, "fureso", settings, etag);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(response);
        problem.GetProperty("code").GetString().Should().Be("invalid_argument");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(
            ["websiteOrigins[1]", "colour", "topics[10].code", "cannedAnswers[4].text", "selfServiceLinks[4].url", "ownHours[5].to", "retentionDays", "sharedStaffInOwnHoursWaitSeconds"]);
        (await GetAsync(admin, "fureso")).ETag.Should().Be(etag);
    }

    [Fact]
    public async Task Removing_a_topic_citizens_book_telefonmøder_about_is_refused_until_it_is_no_longer_booked()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server, FuresoAdmin);
        var (settings, etag) = await GetAsync(admin, "fureso");
        var topics = settings["topics"]!.AsArray();
        topics.Remove(topics.Single(t => t!["code"]!.GetValue<string>() == "pas"));

        using var response = await PutAsync(admin, "fureso", settings, etag);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").GetProperty("topics")[0].GetString().Should().Contain("pas");
    }

    [Fact]
    public async Task New_own_hours_with_the_holiday_rule_and_English_topic_names_reach_the_citizens_pages_at_once()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server, FuresoAdmin);
        await ChangeAsync(admin, "fureso", s =>
        {
            s["ownHours"] = new JsonArray(new JsonObject { ["day"] = "Tuesday", ["from"] = "09:00", ["to"] = "21:00" });
            s["openOnPublicHolidays"] = true;
            s["topics"]!.AsArray()[0]!["nameEn"] = "Passports";
            s["sharedStaffInOwnHours"] = true;
            s["sharedStaffInOwnHoursWaitSeconds"] = 600;
        });
        (await GetAsync(admin, "fureso")).Settings["sharedStaffInOwnHoursWaitSeconds"]!.GetValue<int>().Should().Be(600);

        var status = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/fureso/status");
        var hours = await server.Http.GetFromJsonAsync<JsonElement[]>("/api/kommuner/fureso/opening-hours?from=2026-11-24&to=2026-11-24");

        status.GetProperty("open").GetBoolean().Should().BeTrue();
        status.GetProperty("topics")[0].GetProperty("nameEn").GetString().Should().Be("Passports");
        hours!.Select(w => w.GetProperty("end").GetDateTimeOffset()).Should().Contain(new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task Own_hours_on_a_public_holiday_follow_the_admins_holiday_rule()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server, FuresoAdmin);
        const string christmasDay = "/api/kommuner/fureso/opening-hours?from=2026-12-25&to=2026-12-25";
        var nineOClock = new DateTimeOffset(2026, 12, 25, 9, 0, 0, TimeSpan.FromHours(1));

        var closed = await server.Http.GetFromJsonAsync<JsonElement[]>(christmasDay);
        await ChangeAsync(admin, "fureso", s => s["openOnPublicHolidays"] = true);
        var open = await server.Http.GetFromJsonAsync<JsonElement[]>(christmasDay);

        closed!.Select(w => w.GetProperty("start").GetDateTimeOffset()).Should().NotContain(nineOClock, "1. juledag is a public holiday and Furesø keeps closed on them by default");
        open!.Select(w => w.GetProperty("start").GetDateTimeOffset()).Should().Contain(nineOClock, "its Friday hours 09-15 now hold on public holidays too");
    }

    [Fact]
    public async Task A_website_the_admin_removes_can_no_longer_frame_the_chat_or_call_the_kommunes_endpoints_at_once()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server, FuresoAdmin);

        await ChangeAsync(admin, "fureso", s => s["websiteOrigins"] = new JsonArray());

        using var status = await WithOrigin(server, "/api/kommuner/fureso/status", "https://www.furesoe.dk");
        using var page = await server.Http.GetAsync("/fureso/chat?embed=1");
        status.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        page.Headers.GetValues("Content-Security-Policy").Single().Should().EndWith("frame-ancestors 'self'").And.NotContain("furesoe.dk");
    }

    [Fact]
    public async Task After_a_restart_the_admins_settings_stand_and_configuration_only_seeds_what_the_database_lacks()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "restart-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Hotline:DataFolder"] = folder };
        try
        {
            await using (var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings))
            {
                using var admin = await AdminAsync(server, FuresoAdmin);
                await ChangeAsync(admin, "fureso", s =>
                {
                    s["colour"] = "#123456";
                    s["websiteOrigins"] = new JsonArray(Website);
                });
            }

            await using var restarted = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings);
            using var again = await AdminAsync(restarted, FuresoAdmin);
            var (after, etag) = await GetAsync(again, "fureso");
            after["colour"]!.GetValue<string>().Should().Be("#123456", "appsettings.json's #7a3b69 seeds a new database only");
            after["websiteOrigins"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Equal(Website);
            etag.Should().Be("\"1\"");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Removed with the temp folder later.
            }
        }
    }

    /// <summary>A new chat of <paramref name="kommune"/>'s citizen as offered to the agent, who signs in and is available.</summary>
    public static async Task<AgentChat> OfferOfNewChatAsync(HotlineServer server, string agentUserName, string kommune)
    {
        var agent = await server.ConnectAgentAsync(agentUserName);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        await agent.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest(kommune, "pas"))).Chat!;
        return await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
    }

    public static async Task<HttpResponseMessage> WithOrigin(HotlineServer server, string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return await server.Http.SendAsync(request);
    }
}
