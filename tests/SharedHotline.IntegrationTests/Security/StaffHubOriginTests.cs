using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>A page on another port or sibling host of the same site cannot open a signed-in agent console with the staff cookie.</summary>
public sealed class StaffHubOriginTests
{
    [Fact]
    public async Task The_agent_hub_refuses_a_cookie_signed_request_from_another_origin_and_serves_its_own()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var cookie = await CookieAsync(server);
        var own = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        var sibling = $"http://127.0.0.1:{server.BaseAddress.Port + 1}";

        var fromSibling = await NegotiateAsync(server, cookie, sibling);
        var fromOwnPage = await NegotiateAsync(server, cookie, own);

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookie);
        socket.Options.SetRequestHeader("Origin", sibling);
        socket.Options.CollectHttpResponseDetails = true;
        var wsUri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/hubs/agent" }.Uri;
        var upgrade = async () => await socket.ConnectAsync(wsUri, CancellationToken.None);

        fromSibling.Should().Be(HttpStatusCode.Forbidden);
        fromOwnPage.Should().Be(HttpStatusCode.OK);
        await upgrade.Should().ThrowAsync<WebSocketException>();
        socket.HttpStatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<string> CookieAsync(HotlineServer server)
    {
        using var login = await server.Http.PostAsJsonAsync("/api/auth/login", new { userName = Demo.FuresoAgent, password = HotlineServer.DemoPassword });
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sharedhotline.staff=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> NegotiateAsync(HotlineServer server, string cookie, string origin)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/agent/negotiate?negotiateVersion=1");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", origin);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
