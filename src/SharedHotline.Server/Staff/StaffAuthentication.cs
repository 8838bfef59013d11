using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Staff;

/// <summary>
/// Staff sign in with a seeded local account (hashed password, lockout). Browsers get a cookie, the typed
/// client and other programs a bearer token; the staff scheme picks per request and checks the server-side session.
/// </summary>
public static class StaffAuthentication
{
    public const string Scheme = "staff";
    public const string Bearer = BearerTokenDefaults.AuthenticationScheme;
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddScheme<AuthenticationSchemeOptions, StaffSessionAuthenticationHandler>(Scheme, "Staff", _ => { })
            .AddBearerToken(Bearer, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(10);
                o.Events.OnMessageReceived = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments(HubPaths.Agent) && ctx.Request.Query.TryGetValue("access_token", out var token))
                    {
                        ctx.Token = token;
                    }

                    return Task.CompletedTask;
                };
            })
            .AddCookie(Cookie, o =>
            {
                o.Cookie.Name = "sharedhotline.staff";
                o.Cookie.HttpOnly = true;
                // Lax, not Strict: the cookie set at the end of an OpenID Connect sign-in must travel with the redirect
                // back from the kommune's identity provider. Cross-site POST, PUT and DELETE still never carry it.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Agent, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Agent))
            .AddPolicy(StaffPolicies.Coordinator, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Coordinator, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Staff, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Agent, StaffRoles.Coordinator, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.PlatformAdmin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.PlatformAdmin))
            .AddPolicy(StaffPolicies.KommuneAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new KommuneAdminRequirement()));
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, KommuneAdminHandler>();

        services.AddScoped<StaffSignInService>();
        services.AddHttpContextAccessor();
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<SignInThrottle>();
        return services;
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
