using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SharedHotline.Server.Staff;

/// <summary>
/// The staff scheme: reads the bearer token (programs, the typed client, <c>access_token</c> on the agent hub) or the
/// cookie (browsers), then refuses a principal whose server-side session has ended (<see cref="StaffSessions"/>).
/// A validly signed token is therefore not enough: it must name a live session of an existing, enabled account.
/// </summary>
public sealed class StaffSessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StaffSessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var inner = await Context.AuthenticateAsync(InnerScheme(Context));
        if (!inner.Succeeded)
        {
            return inner.None ? AuthenticateResult.NoResult() : inner;
        }

        if (!await sessions.IsCurrentAsync(inner.Principal!, Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The session has ended (signed out, disabled, expired or unknown).");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(inner.Principal!, inner.Properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(InnerScheme(Context), properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(InnerScheme(Context), properties);

    public static string InnerScheme(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (http.Request.Path.StartsWithSegments("/hubs") && http.Request.Query.ContainsKey("access_token"))
            ? StaffAuthentication.Bearer
            : StaffAuthentication.Cookie;
}
