using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Tenancy;

/// <summary>Each kommune is named as it names itself: "Københavns Kommune", "Sorø Kommune".</summary>
public sealed class KommuneNamesTests
{
    [Fact]
    public async Task Every_kommune_has_its_official_name_with_Københavns_genitive_in_the_list_the_status_and_the_chat_page()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);

        var list = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner");
        var status = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/koebenhavn/status");
        var page = await server.Http.GetStringAsync("/koebenhavn/chat");

        list.EnumerateArray().ToDictionary(k => k.GetProperty("slug").GetString()!, k => k.GetProperty("officialName").GetString()).Should().Equal(new Dictionary<string, string?>
        {
            ["fredensborg"] = "Fredensborg Kommune",
            ["frederikssund"] = "Frederikssund Kommune",
            ["fureso"] = "Furesø Kommune",
            ["holbaek"] = "Holbæk Kommune",
            ["koebenhavn"] = "Københavns Kommune",
            ["soroe"] = "Sorø Kommune",
        });
        status.GetProperty("kommune").GetProperty("officialName").GetString().Should().Be("Københavns Kommune");
        page.Should().Contain("<title>Chat med Københavns Kommune").And.Contain("data-kommune-official-name=\"Københavns Kommune\"").And.NotContain("København Kommune");
    }

    [Fact]
    public async Task A_københavn_agent_is_introduced_from_Københavns_Kommune()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (_, citizen, _) = await server.AcceptedChatAsync(Demo.KoebenhavnAgent, "koebenhavn");

        (await citizen.GetHistoryAsync()).Select(m => m.Text).Should().Contain(t => t.EndsWith("fra Københavns Kommune er klar til at hjælpe dig.", StringComparison.Ordinal));
    }
}
