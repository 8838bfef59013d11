using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharedHotline.IntegrationTests.Administration;

namespace SharedHotline.IntegrationTests.Invitations;

/// <summary>The widget's questions and an admin's invitation rules, as HTTP.</summary>
public static class InvitationClient
{
    public const string PassPage = "https://www.furesoe.dk/borger/pas";

    public static JsonObject Rules(int delaySeconds = 20, string pattern = "/borger/pas*") => new()
    {
        ["enabled"] = true,
        ["pages"] = new JsonArray(new JsonObject { ["pattern"] = pattern, ["topic"] = "pas", ["delaySeconds"] = delaySeconds }),
        ["onFailedStep"] = true,
        ["text"] = "Sidder du fast med dit pas? Vi har tid lige nu.",
        ["textEn"] = "Stuck with your passport? We have time right now.",
        ["hours"] = new JsonArray(),
        ["maxWaitSeconds"] = 60,
    };

    public static async Task<HttpResponseMessage> PutRulesAsync(HttpClient admin, string slug, JsonObject rules, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/kommuner/{slug}/invitation-settings") { Content = JsonContent.Create(rules) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await admin.SendAsync(request);
    }

    /// <summary>Reads the rules' ETag and saves <paramref name="rules"/>; the save must succeed.</summary>
    public static async Task SetRulesAsync(HttpClient admin, string slug, JsonObject rules)
    {
        using var read = await admin.GetAsync($"/api/kommuner/{slug}/invitation-settings");
        read.EnsureSuccessStatusCode();
        using var saved = await PutRulesAsync(admin, slug, rules, read.Headers.ETag!.ToString());
        saved.IsSuccessStatusCode.Should().BeTrue(await saved.Content.ReadAsStringAsync());
    }

    public static Task<HttpClient> AdminAsync(Infrastructure.HotlineServer server) => SettingsClient.AdminAsync(server, SettingsClient.FuresoAdmin);

    /// <summary>The widget asks on the passport page of Furesø's website; the answer as JSON.</summary>
    public static async Task<JsonElement> AskAsync(HttpClient widget, string trigger = "time", string page = PassPage, string lang = "da")
    {
        using var response = await widget.PostAsJsonAsync("/api/kommuner/fureso/invitations", new { pageUrl = page, pageTitle = "Pas – Furesø Kommune", trigger, topic = (string?)null, lang });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
