using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;
using static SharedHotline.IntegrationTests.Administration.SettingsClient;

namespace SharedHotline.IntegrationTests.Administration;

/// <summary>Furesø's admin administers Furesø only: Sorø's settings, staff, audit, transcripts log and privacy audit stay out of reach.</summary>
public sealed class AdministrationIsolationTests
{
    private static readonly string[] AgentRole = ["agent"];
    private static readonly string[] AdminRole = ["admin"];

    [Fact]
    public async Task Furesøs_admin_can_neither_see_nor_change_Sorøs_settings_staff_or_logs()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var fureso = await AdminAsync(server, FuresoAdmin);
        using var soroe = await AdminAsync(server, SoroeAdmin);
        var (soroeSettings, soroeETag) = await GetAsync(soroe, "soroe");
        var bo = DemoStaff.IdOf(Demo.SoroeAgent);

        var reads = new[] { "/api/kommuner/soroe/settings", "/api/kommuner/soroe/audit", "/api/kommuner/soroe/staff", "/api/kommuner/soroe/transcript-access", "/api/kommuner/soroe/privacy-audit", "/api/kommuner/soroe/meeting-settings" };
        foreach (var path in reads)
        {
            (await fureso.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Forbidden, path);
        }

        soroeSettings["websiteOrigins"]!.AsArray().Add("https://evil.example");
        using (var put = await PutAsync(fureso, "soroe", soroeSettings, soroeETag))
        {
            put.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        (await fureso.PutAsJsonAsync($"/api/kommuner/soroe/staff/{bo}", new { displayName = "Bo", roles = AgentRole, skills = Array.Empty<string>(), capacity = 9 })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fureso.PostAsJsonAsync($"/api/kommuner/soroe/staff/{bo}/password", new { password = "et-nyt-langt-kodeord" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fureso.PostAsJsonAsync("/api/kommuner/soroe/staff", new { userName = "muldvarp", displayName = "Muldvarp", password = "et-nyt-langt-kodeord", roles = AdminRole })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fureso.PostAsync($"/api/kommuner/soroe/staff/{bo}/disable", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Nor through Furesø's own address: Sorø's staff member is not one of Furesø's.
        (await fureso.PutAsJsonAsync($"/api/kommuner/fureso/staff/{bo}", new { displayName = "Bo", roles = AgentRole, skills = Array.Empty<string>(), capacity = 9 })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fureso.PostAsJsonAsync($"/api/kommuner/fureso/staff/{bo}/password", new { password = "et-nyt-langt-kodeord" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var furesoStaff = await fureso.GetFromJsonAsync<JsonElement[]>("/api/kommuner/fureso/staff");
        furesoStaff!.Select(s => s.GetProperty("userName").GetString()).Should().BeEquivalentTo(["admin.fureso", "mia.fureso", "peter.fureso"]);

        var (after, afterETag) = await GetAsync(soroe, "soroe");
        afterETag.Should().Be(soroeETag);
        after["websiteOrigins"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Equal("https://www.soroe.dk");
        (await soroe.GetFromJsonAsync<JsonElement[]>("/api/kommuner/soroe/audit")).Should().BeEmpty();
        (await server.SignInAsync(Demo.SoroeAgent)).Should().NotBeNullOrEmpty("Bo's password is unchanged");
    }

    [Fact]
    public async Task Every_demo_kommune_has_its_own_admin_who_lands_on_their_own_kommunes_settings()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        foreach (var (admin, slug) in new[] { ("admin.fredensborg", "fredensborg"), ("admin.frederikssund", "frederikssund"), ("admin.fureso", "fureso"), ("admin.holbaek", "holbaek"), ("admin.soroe", "soroe"), ("admin", "koebenhavn") })
        {
            using var client = await AdminAsync(server, admin);
            var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
            me.GetProperty("kommune").GetString().Should().Be(slug);
            (await GetAsync(client, slug)).Settings["colour"]!.GetValue<string>().Should().StartWith("#");
        }
    }
}
