using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Staff;

public sealed class SignInTests
{
    [Fact]
    public async Task A_demo_agent_signs_in_and_the_token_carries_their_home_kommune_and_role()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var token = await server.SignInAsync(Demo.HolbaekAgent);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        me.GetProperty("displayName").GetString().Should().Be("Hanne Holm");
        me.GetProperty("kommune").GetString().Should().Be("holbaek");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Contain("agent");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_five_in_a_row_lock_the_account()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = Demo.HolbaekAgent, password = "gæt" + i });
            wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var locked = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = Demo.HolbaekAgent, password = HotlineServer.DemoPassword });
        locked.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the account is locked even with the right password");

        server.Advance(TimeSpan.FromMinutes(16));
        using var unlocked = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = Demo.HolbaekAgent, password = HotlineServer.DemoPassword });
        unlocked.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Staff_endpoints_need_a_signed_in_user_and_a_malformed_sign_in_gets_field_errors()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);

        using var anonymous = await server.Http.GetAsync("/api/auth/me");
        using var malformed = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = "" });

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await malformed.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("userName", "password");
    }
}
