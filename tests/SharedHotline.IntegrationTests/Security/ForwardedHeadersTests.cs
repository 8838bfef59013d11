using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>Forwarded headers count only from the proxies the operator names: nobody else can fake an address or HTTPS.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string?> OneCallbackPerAddress = new()
    {
        ["Hotline:Limits:CallbacksPerIp:Permits"] = "1",
        ["Hotline:Limits:CallbacksPerIp:WindowSeconds"] = "600",
    };

    [Fact]
    public async Task A_faked_X_Forwarded_For_from_an_unconfigured_sender_does_not_escape_the_per_address_limit()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening, OneCallbackPerAddress);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            statuses.Add(await PostCallbackAsync(server, forwardedFor: string.Create(CultureInfo.InvariantCulture, $"203.0.113.{i}")));
        }

        statuses.Should().Equal(HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_so_citizens_behind_it_have_their_own_limits()
    {
        var settings = new Dictionary<string, string?>(OneCallbackPerAddress) { ["Hotline:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" };
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening, settings);

        var first = await PostCallbackAsync(server, forwardedFor: "203.0.113.1");
        var other = await PostCallbackAsync(server, forwardedFor: "203.0.113.2");
        var again = await PostCallbackAsync(server, forwardedFor: "203.0.113.1");

        (first, other, again).Should().Be((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_faked_X_Forwarded_Proto_does_not_make_a_plain_HTTP_sign_in_set_a_Secure_cookie_or_claim_https()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { userName = Demo.HolbaekAgent, password = HotlineServer.DemoPassword }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await server.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith("sharedhotline.staff=", StringComparison.Ordinal))
            .Which.Should().NotContainEquivalentOf("secure");
    }

    private static async Task<HttpStatusCode> PostCallbackAsync(HotlineServer server, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/kommuner/soroe/callbacks")
        {
            Content = JsonContent.Create(new { topic = "pas", phone = "12345678" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }
}
