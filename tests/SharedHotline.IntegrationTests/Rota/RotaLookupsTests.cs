using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Rota;

public sealed class RotaLookupsTests
{
    private static readonly string Base = $"/api/partnerships/{RotaClient.PartnershipId}";

    [Fact]
    public async Task Closed_days_name_the_public_holidays_and_the_partnerships_own_closed_days()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);

        var days = (await coordinator.Http.GetFromJsonAsync<JsonElement[]>($"{Base}/closed-days?from=2026-12-21&to=2026-12-27"))!;

        days.Select(d => (d.GetProperty("date").GetString(), d.GetProperty("name").GetString(), d.GetProperty("publicHoliday").GetBoolean()))
            .Should().Equal(("2026-12-24", "Juleaften", false), ("2026-12-25", "Juledag", true), ("2026-12-26", "2. juledag", true));
    }

    [Fact]
    public async Task The_agents_to_roster_are_those_of_the_partner_kommuner_and_only_coordinators_may_list_them()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);
        using var agent = await RotaClient.SignInAsync(server, Demo.FuresoAgent);

        var agents = (await coordinator.Http.GetFromJsonAsync<JsonElement[]>($"{Base}/agents"))!;
        using var refused = await agent.Http.GetAsync($"{Base}/agents");

        agents.Select(a => a.GetProperty("name").GetString()).Should().Contain(["Mia Søgaard", "Søren Ærenlund"]).And.NotContain("Hotline-administrator").And.NotContain("Ida Brøndum", "København is the overflow partner, not a member");
        agents.Single(a => a.GetProperty("name").GetString() == "Mia Søgaard").GetProperty("kommune").GetProperty("slug").GetString().Should().Be("fureso");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
