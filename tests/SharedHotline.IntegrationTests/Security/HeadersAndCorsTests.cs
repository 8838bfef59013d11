using System.Net;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Security;

namespace SharedHotline.IntegrationTests.Security;

public sealed class HeadersAndCorsTests : IClassFixture<DemoServerFixture>
{
    private readonly HotlineServer _server;

    public HeadersAndCorsTests(DemoServerFixture fixture) => _server = fixture.Server;

    [Theory]
    [InlineData("/api/kommuner")]
    [InlineData("/api/kommuner/atlantis/status")]
    [InlineData("/api/auth/me")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var response = await _server.Http.GetAsync(path);

        response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(SecurityHeaders.ApiPolicy);
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        response.Headers.Contains("Server").Should().BeFalse();
    }

    [Fact]
    public async Task The_widget_on_a_kommunes_own_website_may_call_that_kommunes_public_endpoints_and_the_citizen_hub()
    {
        using var status = await WithOrigin(HttpMethod.Get, "/api/kommuner/soroe/status", "https://www.soroe.dk");
        using var preflight = await Preflight("/api/kommuner/soroe/callbacks", "https://www.soroe.dk");
        using var negotiate = await WithOrigin(HttpMethod.Post, "/hubs/citizen/negotiate?negotiateVersion=1", "https://www.soroe.dk");

        status.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be("https://www.soroe.dk");
        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent);
        preflight.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be("https://www.soroe.dk");
        preflight.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
        negotiate.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be("https://www.soroe.dk");
        negotiate.Headers.GetValues("Access-Control-Allow-Credentials").Single().Should().Be("true");
    }

    [Theory]
    [InlineData("/api/kommuner/soroe/status", "https://evil.example")]
    [InlineData("/api/kommuner/holbaek/status", "https://www.soroe.dk")]
    [InlineData("/api/auth/me", "https://www.soroe.dk")]
    [InlineData("/api/kommuner/soroe/transcript-access", "https://www.soroe.dk")]
    [InlineData("/hubs/agent/negotiate?negotiateVersion=1", "https://www.soroe.dk")]
    public async Task Other_origins_and_staff_endpoints_get_no_cors_permission(string path, string origin)
    {
        using var simple = await WithOrigin(HttpMethod.Get, path, origin);
        using var preflight = await Preflight(path, origin);

        simple.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        preflight.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    private Task<HttpResponseMessage> WithOrigin(HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return _server.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return _server.Http.SendAsync(request);
    }
}
