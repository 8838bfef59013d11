using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Rota;

/// <summary>A signed-in staff member talking to the rota API over HTTP with a bearer token.</summary>
public sealed class RotaClient : IDisposable
{
    public const string PartnershipId = "nordsjaelland-vestsjaelland";
    public const string Coordinator = "koordinator";
    public static readonly Guid MonThuPatternId = new("5b0c3c52-0d7e-4d55-9a39-3f1e3c9f0a01");

    private RotaClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static async Task<RotaClient> SignInAsync(HotlineServer server, string userName)
    {
        var token = await server.SignInAsync(userName);
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new RotaClient(http);
    }

    /// <summary>The rota's current ETag.</summary>
    public async Task<string> ETagAsync(string partnershipId = PartnershipId)
    {
        using var response = await Http.GetAsync($"/api/partnerships/{partnershipId}/rota");
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.ToString();
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? ifMatch) =>
        SendRawAsync(method, path, body is null ? null : JsonSerializer.Serialize(body, JsonSerializerOptions.Web), ifMatch);

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Posts an exception to the demo partnership against its current ETag and expects 201.</summary>
    public async Task<JsonElement> AddExceptionAsync(object exception)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/partnerships/{PartnershipId}/exceptions", exception, await ETagAsync());
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    public void Dispose() => Http.Dispose();
}
