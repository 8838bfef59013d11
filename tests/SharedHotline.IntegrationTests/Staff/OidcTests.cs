using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Staff;
using SharedHotline.Server.Staff.Oidc;

namespace SharedHotline.IntegrationTests.Staff;

public sealed class OidcTests
{
    private static readonly string[] Partnerships = ["nordsjaelland-vestsjaelland"];

    private static OidcKommuneOptions Options(string? kommuneClaim = null, string? partnershipClaim = null) => new()
    {
        Authority = "https://login.soroe.example",
        ClientId = "hotline",
        RoleClaim = "roles",
        Roles = new(StringComparer.OrdinalIgnoreCase) { ["Hotline.Agent"] = "agent", ["Hotline.Koordinator"] = "coordinator", ["Hotline.Admin"] = "admin", ["Hotline.Root"] = "superuser" },
        KommuneClaim = kommuneClaim,
        PartnershipClaim = partnershipClaim,
    };

    [Fact]
    public void Roles_are_mapped_from_the_role_claim_and_unknown_values_are_ignored()
    {
        var mapping = OidcClaimsMapper.Map(
            [new("sub", "abc-123"), new("name", "Sofie Lykkegård"), new("roles", "Hotline.Agent"), new("roles", "Hotline.Root"), new("roles", "Everyone")],
            Options(), 340, "soroe", Partnerships);

        mapping.Refusal.Should().BeNull();
        mapping.Identity!.Roles.Should().Equal("agent");
        mapping.Identity.DisplayName.Should().Be("Sofie Lykkegård");
        mapping.Identity.UserName.Should().Be("soroe:abc-123");
        mapping.Identity.CoordinatorOf.Should().BeEmpty();
    }

    [Fact]
    public void A_user_without_a_hotline_role_or_without_a_subject_is_refused()
    {
        OidcClaimsMapper.Map([new("sub", "x"), new("roles", "Everyone")], Options(), 340, "soroe", Partnerships).Refusal.Should().Contain("no hotline role");
        OidcClaimsMapper.Map([new("roles", "Hotline.Agent")], Options(), 340, "soroe", Partnerships).Refusal.Should().Contain("'sub'");
    }

    [Fact]
    public void A_shared_provider_must_name_the_kommune_in_the_kommune_claim()
    {
        Claim[] soroe = [new("sub", "x"), new("roles", "Hotline.Agent"), new("kommunekode", "340")];
        Claim[] holbaek = [new("sub", "x"), new("roles", "Hotline.Agent"), new("kommunekode", "316")];

        OidcClaimsMapper.Map(soroe, Options(kommuneClaim: "kommunekode"), 340, "soroe", Partnerships).Identity.Should().NotBeNull();
        OidcClaimsMapper.Map(holbaek, Options(kommuneClaim: "kommunekode"), 340, "soroe", Partnerships).Refusal.Should().Contain("does not name kommune soroe");
    }

    [Fact]
    public void A_coordinator_coordinates_only_partnerships_the_kommune_is_in()
    {
        var mapping = OidcClaimsMapper.Map(
            [new("sub", "k"), new("roles", "Hotline.Koordinator"), new("roles", "Hotline.Agent"), new("hotline_partnership", "nordsjaelland-vestsjaelland"), new("hotline_partnership", "fyn")],
            Options(partnershipClaim: "hotline_partnership"), 340, "soroe", Partnerships);
        var without = OidcClaimsMapper.Map([new("sub", "k"), new("roles", "Hotline.Koordinator")], Options(partnershipClaim: "hotline_partnership"), 340, "soroe", Partnerships);

        mapping.Identity!.Roles.Should().BeEquivalentTo("coordinator", "agent");
        mapping.Identity.CoordinatorOf.Should().Equal("nordsjaelland-vestsjaelland");
        without.Refusal.Should().NotBeNull("a coordinator of no partnership of the kommune has no role left");
    }

    [Fact]
    public void A_long_or_odd_subject_becomes_a_hashed_user_name_within_the_column_size()
    {
        var name = OidcClaimsMapper.UserNameFor("soroe", new string('x', 300));

        name.Should().StartWith("soroe:").And.HaveLength("soroe:".Length + 64);
        OidcClaimsMapper.UserNameFor("soroe", "Æble Ø").Should().NotContain("Æ");
    }

    [Fact]
    public async Task Signing_in_with_a_kommunes_identity_provider_redirects_there_with_pkce_and_the_kommunes_callback()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, OidcSettings());
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        using var list = await http.GetAsync("/api/auth/oidc");
        using var challenge = await http.GetAsync("/api/auth/oidc/soroe?returnUrl=https://evil.example/");
        using var notConfigured = await http.GetAsync("/api/auth/oidc/holbaek");
        using var unknown = await http.GetAsync("/api/auth/oidc/atlantis");

        (await list.Content.ReadFromJsonAsync<string[]>()).Should().Equal("soroe");
        challenge.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = challenge.Headers.Location!.ToString();
        location.Should().StartWith("https://login.soroe.example/authorize?");
        location.Should().Contain("client_id=hotline").And.Contain("code_challenge_method=S256").And.Contain("response_type=code")
            .And.Contain(Uri.EscapeDataString(new Uri(server.BaseAddress, "/signin-oidc/soroe").ToString()));
        notConfigured.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_provider_signed_in_user_gets_a_staff_account_kept_in_step_with_the_provider_and_no_local_password()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, OidcSettings());
        var identity = new OidcStaffIdentity("abc", "soroe:abc", "Sofie Lykkegård", ["agent"], []);
        ClaimsPrincipal? first;
        ClaimsPrincipal? second;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<OidcStaffAccounts>().SignInAsync(identity, 340, "soroe", CancellationToken.None);
        }

        await using (var scope = server.Services.CreateAsyncScope())
        {
            second = await scope.ServiceProvider.GetRequiredService<OidcStaffAccounts>().SignInAsync(identity with { Roles = ["agent", "admin"] }, 340, "soroe", CancellationToken.None);
        }

        second!.StaffId().Should().Be(first!.StaffId(), "the same person keeps one account");
        second!.IsInRole("admin").Should().BeTrue();
        second.HomeKommune().Should().Be(340);
        second.FindFirstValue(StaffClaims.Kommune).Should().Be("soroe");
        (await StaffAccounts.WithDbAsync(server, db => db.Staff.CountAsync(s => s.UserName == "soroe:abc"))).Should().Be(1);
        using var local = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = "soroe:abc", password = "" });
        using var localAny = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = "soroe:abc", password = "anything" });
        local.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        localAny.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static Dictionary<string, string?> OidcSettings() => new()
    {
        ["Hotline:Oidc:soroe:Authority"] = "https://login.soroe.example",
        ["Hotline:Oidc:soroe:ClientId"] = "hotline",
        ["Hotline:Oidc:soroe:ClientSecret"] = "secret",
        ["Hotline:Oidc:soroe:AuthorizationEndpoint"] = "https://login.soroe.example/authorize",
        ["Hotline:Oidc:soroe:TokenEndpoint"] = "https://login.soroe.example/token",
        ["Hotline:Oidc:soroe:Roles:Hotline.Agent"] = "agent",
    };
}
