using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Staff;

/// <summary>A session ends when the staff member logs out or is disabled, and a token for nobody is worth nothing.</summary>
public sealed class StaffSessionTests
{
    [Fact]
    public async Task Logging_out_ends_that_session_a_copied_cookie_stops_working_and_her_other_sign_ins_go_on()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
        using var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = Demo.HolbaekAgent, password = HotlineServer.DemoPassword });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sharedhotline.staff=", StringComparison.Ordinal)).Split(';')[0];
        using var program = await StaffAccounts.ClientAsync(server, Demo.HolbaekAgent);
        (await Me(browser, cookie)).Should().Be(HttpStatusCode.OK);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("Cookie", cookie);
        (await browser.SendAsync(logout)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Me(browser, cookie)).Should().Be(HttpStatusCode.Unauthorized, "the copied cookie is worth nothing after logout");
        (await program.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK, "her console on another device is another session");
        using var programLogout = await program.PostAsync("/api/auth/logout", null);
        (await program.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a bearer token ends with its session too");
    }

    [Fact]
    public async Task A_validly_signed_token_for_a_staff_id_that_does_not_exist_is_refused()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var options = server.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(BearerTokenDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Name, "Ingen"), new(ClaimTypes.Role, "admin"), new("kommunekode", "340"), new("sid", Guid.NewGuid().ToString("N"))],
            BearerTokenDefaults.AuthenticationScheme);
        var forged = options.BearerTokenProtector.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), BearerTokenDefaults.AuthenticationScheme));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        (await http.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await http.GetAsync("/api/kommuner/soroe/privacy-audit")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_kommunes_admin_disables_an_account_its_open_console_and_tokens_stop_and_it_cannot_sign_in_until_enabled()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, [StaffRoles.Admin]);
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);
        using var program = await StaffAccounts.ClientAsync(server, "sofie.soroe");
        var console = await server.ConnectAgentAsync("sofie.soroe");
        var sofie = DemoStaff.IdOf("sofie.soroe");

        using var disabled = await admin.PostAsync($"/api/kommuner/soroe/staff/{sofie}/disable", null);
        using var foreign = await admin.PostAsync($"/api/kommuner/soroe/staff/{DemoStaff.IdOf(Demo.FuresoAgent)}/disable", null);

        disabled.StatusCode.Should().Be(HttpStatusCode.OK);
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound, "Sorø's admin acts on Sorø's staff only");
        (await program.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var refusal = await Record.ExceptionAsync(() => console.SetPresenceAsync(Presence.Available));
        refusal.Should().NotBeNull("a disabled agent's open console may not act");
        if (refusal is HotlineHubException hub)
        {
            hub.Code.Should().Be(HubErrorCodes.NotAuthorized);
        }

        var signIn = () => server.SignInAsync("sofie.soroe");
        await signIn.Should().ThrowAsync<HttpRequestException>();

        (await admin.PostAsync($"/api/kommuner/soroe/staff/{sofie}/enable", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.SignInAsync("sofie.soroe")).Should().NotBeNullOrEmpty();
    }

    private static async Task<HttpStatusCode> Me(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
