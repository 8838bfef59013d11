using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;
using static SharedHotline.IntegrationTests.Administration.SettingsClient;

namespace SharedHotline.IntegrationTests.Administration;

public sealed class OnboardingTests
{
    private const string Password = "lyngby-admin-kode-1";

    [Fact]
    public async Task The_platform_admin_onboards_Lyngby_Taarbæk_into_the_partnership_with_its_admin_who_signs_in_to_their_own_settings()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var platform = await AdminAsync(server, "admin");

        using var response = await platform.PostAsJsonAsync("/api/platform/kommuner", new
        {
            kode = 173,
            slug = "lyngby-taarbaek",
            name = "Lyngby-Taarbæk",
            referencePrefix = "LTK",
            partnershipId = DemoStaff.PartnershipId,
            admin = new { userName = "admin.lyngby", displayName = "Sanne Lund", password = Password },
        });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await server.Http.GetStringAsync("/api/kommuner")).Should().Contain("Lyngby-Taarbæk");
        var partnerships = await platform.GetFromJsonAsync<JsonElement[]>("/api/platform/partnerships");
        partnerships!.Single().GetProperty("members").EnumerateArray().Select(m => m.GetInt32()).Should().Contain(173);
        using var lyngby = new HttpClient { BaseAddress = server.BaseAddress };
        lyngby.DefaultRequestHeaders.Authorization = new("Bearer", await server.SignInAsync("admin.lyngby", Password));
        var (settings, etag) = await GetAsync(lyngby, "lyngby-taarbaek");
        etag.Should().Be("\"1\"");
        settings["topics"]!.AsArray().Should().HaveCount(10, "a new kommune starts with the standard topics");
        (await lyngby.GetAsync("/api/kommuner/fureso/settings")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Its citizens reach the partnership's evening staff at once: Tuesday 20:30 is Furesø's week.
        var offer = await KommuneSettingsTests.OfferOfNewChatAsync(server, Demo.FuresoAgent, "lyngby-taarbaek");
        offer.Kommune.Should().Be("lyngby-taarbaek");
        var audit = await lyngby.GetFromJsonAsync<JsonElement[]>("/api/kommuner/lyngby-taarbaek/audit");
        audit!.Single().GetProperty("action").GetString().Should().Be("kommune.onboarded");
    }

    [Fact]
    public async Task Only_a_platform_admin_onboards_and_bad_input_is_refused_naming_each_field()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var platform = await AdminAsync(server, "admin");
        using var fureso = await AdminAsync(server, FuresoAdmin);
        var body = new { kode = 340, slug = "Soroe", name = "", referencePrefix = "FRB", partnershipId = "ingen", admin = new { userName = "mia.fureso", displayName = "", password = "kort" } };

        (await fureso.PostAsJsonAsync("/api/platform/kommuner", body)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var bad = await platform.PostAsJsonAsync("/api/platform/kommuner", body);

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(bad)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(
            ["kode", "slug", "name", "referencePrefix", "partnershipId", "admin.userName", "admin.displayName", "admin.password"]);
        (await server.Http.GetFromJsonAsync<JsonElement[]>("/api/kommuner"))!.Should().HaveCount(6);
    }
}
