using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Administration;

/// <summary>A kommune admin's HTTP client for the settings: read with ETag, change one part, send back with If-Match.</summary>
public static class SettingsClient
{
    public const string FuresoAdmin = "admin.fureso";
    public const string SoroeAdmin = "admin.soroe";

    public static async Task<(JsonObject Settings, string ETag)> GetAsync(HttpClient admin, string slug)
    {
        using var response = await admin.GetAsync($"/api/kommuner/{slug}/settings");
        response.EnsureSuccessStatusCode();
        var view = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (view["settings"]!.AsObject(), response.Headers.ETag!.ToString());
    }

    public static async Task<HttpResponseMessage> PutAsync(HttpClient admin, string slug, JsonObject settings, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/kommuner/{slug}/settings") { Content = JsonContent.Create(settings) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await admin.SendAsync(request);
    }

    /// <summary>Reads the settings, lets <paramref name="change"/> edit them and saves them; the save must succeed.</summary>
    public static async Task<string> ChangeAsync(HttpClient admin, string slug, Action<JsonObject> change)
    {
        var (settings, etag) = await GetAsync(admin, slug);
        change(settings);
        using var response = await PutAsync(admin, slug, settings, etag);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.ToString();
    }

    public static void AddOriginAndCannedAnswer(JsonObject settings, string origin, string title, string text)
    {
        settings["websiteOrigins"]!.AsArray().Add(origin);
        settings["cannedAnswers"]!.AsArray().Add(new JsonObject { ["title"] = title, ["text"] = text });
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    public static Task<HttpClient> AdminAsync(HotlineServer server, string userName) => StaffAccounts.ClientAsync(server, userName);
}
