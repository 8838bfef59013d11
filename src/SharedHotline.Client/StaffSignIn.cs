using System.Net.Http.Json;

namespace SharedHotline.Client;

/// <summary>Signs a staff member in and returns a bearer token for the agent hub and the staff APIs.</summary>
public static class StaffSignIn
{
    public static async Task<string> GetTokenAsync(HttpClient http, string userName, string password, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName, password }, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Sign-in as {userName} failed: {(int)response.StatusCode}", null, response.StatusCode);
        }

        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
        return body?.AccessToken ?? throw new HttpRequestException("Sign-in answered without a token.");
    }

    private sealed record TokenResponse(string AccessToken);
}
