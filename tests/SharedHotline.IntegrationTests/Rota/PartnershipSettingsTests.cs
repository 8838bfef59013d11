using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Rota;

/// <summary>The coordinator's partnership settings: the service level the statistics measure against and the overflow rule, saved like a rota edit.</summary>
public sealed class PartnershipSettingsTests(DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private const int Koebenhavn = 101;
    private const int Soroe = 340;
    private static readonly string Settings = $"/api/partnerships/{RotaClient.PartnershipId}/settings";

    [Fact]
    public async Task The_coordinator_sees_the_members_the_service_level_and_the_overflow_partner_with_the_rotas_ETag()
    {
        using var coordinator = await RotaClient.SignInAsync(fixture.Server, RotaClient.Coordinator);

        using var response = await coordinator.Http.GetAsync(Settings);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.Headers.ETag!.ToString().Should().Be(await coordinator.ETagAsync());
        view.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Should().HaveCount(5).And.Contain("Sorø");
        view.GetProperty("overflow").GetProperty("kommune").GetInt32().Should().Be(Koebenhavn);
        view.GetProperty("overflowCandidates").EnumerateArray().Select(k => k.GetProperty("kode").GetInt32()).Should().Contain(Koebenhavn).And.NotContain(Soroe);
    }

    [Fact]
    public async Task A_change_is_refused_field_by_field_when_out_of_range_or_the_overflow_partner_is_a_member_and_nothing_changes()
    {
        using var coordinator = await RotaClient.SignInAsync(fixture.Server, RotaClient.Coordinator);
        var etag = await coordinator.ETagAsync();

        using var refused = await coordinator.SendAsync(HttpMethod.Put, Settings, new { serviceLevelSeconds = 5, serviceLevelTarget = 1.2, overflow = new { kommune = Soroe, afterSeconds = -1 } }, etag);
        using var missing = await coordinator.SendAsync(HttpMethod.Put, Settings, new { overflow = (object?)null }, etag);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await RotaClient.ProblemAsync(refused);
        problem.GetProperty("code").GetString().Should().Be("invalid_argument");
        RotaClient.ErrorFields(problem).Should().BeEquivalentTo("serviceLevelSeconds", "serviceLevelTarget", "overflow.kommune", "overflow.afterSeconds");
        RotaClient.ErrorFields(await RotaClient.ProblemAsync(missing)).Should().BeEquivalentTo("serviceLevelSeconds", "serviceLevelTarget");
        (await coordinator.ETagAsync()).Should().Be(etag, "nothing was saved");
    }

    [Fact]
    public async Task A_saved_change_is_what_the_statistics_measure_against_and_the_rotas_history_says_who_changed_what()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);
        var etag = await coordinator.ETagAsync();

        using var saved = await coordinator.SendAsync(HttpMethod.Put, Settings, new { serviceLevelSeconds = 90, serviceLevelTarget = 0.85, overflow = new { kommune = Koebenhavn, afterSeconds = 180 } }, etag);
        using var stale = await coordinator.SendAsync(HttpMethod.Put, Settings, new { serviceLevelSeconds = 30, serviceLevelTarget = 0.9, overflow = (object?)null }, etag);

        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        saved.Headers.ETag!.ToString().Should().NotBe(etag);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "the second change was made on the old version");
        var view = await coordinator.Http.GetFromJsonAsync<JsonElement>(Settings);
        view.GetProperty("serviceLevelSeconds").GetInt32().Should().Be(90);
        view.GetProperty("serviceLevelTarget").GetDouble().Should().Be(0.85);
        view.GetProperty("overflow").GetProperty("afterSeconds").GetInt32().Should().Be(180);
        var scope = await coordinator.Http.GetFromJsonAsync<JsonElement>("/api/statistics/scope");
        scope.GetProperty("partnerships").EnumerateArray().Single(p => p.GetProperty("id").GetString() == RotaClient.PartnershipId)
            .GetProperty("thresholdSeconds").GetInt32().Should().Be(90);
        var audit = await coordinator.Http.GetFromJsonAsync<JsonElement[]>($"/api/partnerships/{RotaClient.PartnershipId}/audit");
        var entry = audit!.First();
        entry.GetProperty("action").GetString().Should().Be("settings");
        entry.GetProperty("changedByName").GetString().Should().Be("Karen Østergaard");
        entry.GetProperty("before").ToString().Should().Contain("300");
        entry.GetProperty("after").ToString().Should().Contain("180");
    }
}
