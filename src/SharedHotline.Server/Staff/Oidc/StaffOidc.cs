using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Staff.Oidc;

/// <summary>
/// OpenID Connect sign-in for staff, one scheme per kommune configured under <c>Hotline:Oidc:{slug}</c> (scheme
/// <c>oidc-{slug}</c>, callback <c>/signin-oidc/{slug}</c>). A successful sign-in ends in the staff cookie with the
/// same claims as a local sign-in. <c>GET /api/auth/oidc/{kommune}</c> starts it.
/// </summary>
public static class StaffOidc
{
    public const string SchemePrefix = "oidc-";

    public static IServiceCollection AddStaffOidc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OidcStaffAccounts>();
        var authentication = services.AddAuthentication();
        foreach (var section in configuration.GetSection(OidcKommuneOptions.Section).GetChildren())
        {
            var slug = section.Key.ToLowerInvariant();
            var options = section.Get<OidcKommuneOptions>() ?? new OidcKommuneOptions();
            if (!options.IsComplete)
            {
                throw new InvalidOperationException($"{OidcKommuneOptions.Section}:{section.Key} needs at least Authority and ClientId.");
            }

            authentication.AddOpenIdConnect(SchemePrefix + slug, $"{slug} identity provider", o => Configure(o, slug, options));
        }

        return services;
    }

    public static IEndpointRouteBuilder MapStaffOidc(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth/oidc").WithTags("Staff sign-in").AllowAnonymous();
        group.MapGet("/", async (IAuthenticationSchemeProvider schemes) =>
                TypedResults.Ok((await schemes.GetAllSchemesAsync()).Where(s => s.Name.StartsWith(SchemePrefix, StringComparison.Ordinal)).Select(s => s.Name[SchemePrefix.Length..]).Order().ToList()))
            .WithSummary("The kommuner whose staff sign in with their own identity provider.");
        group.MapGet("/{kommune}", Challenge).WithSummary("Start signing in with this kommune's identity provider (redirects there).");
        return app;
    }

    private static async Task<IResult> Challenge(string? returnUrl, IKommuneContextAccessor tenant, IAuthenticationSchemeProvider schemes)
    {
        var kommune = tenant.Current!.Kommune;
        var scheme = SchemePrefix + kommune.Slug;
        if (await schemes.GetSchemeAsync(scheme) is null)
        {
            return Results.Problem(title: "No identity provider", detail: $"{kommune.Name} Kommune's staff sign in with a hotline account; no identity provider is configured.", statusCode: StatusCodes.Status404NotFound);
        }

        var target = ReturnUrls.LocalOrRoot(returnUrl);
        return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [scheme]);
    }

    private static void Configure(OpenIdConnectOptions o, string slug, OidcKommuneOptions options)
    {
        o.SignInScheme = StaffAuthentication.Cookie;
        o.Authority = options.Authority;
        o.ClientId = options.ClientId;
        o.ClientSecret = options.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.CallbackPath = "/signin-oidc/" + slug;
        o.SignedOutCallbackPath = "/signout-callback-oidc/" + slug;
        o.RemoteSignOutPath = "/signout-oidc/" + slug;
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.RequireHttpsMetadata = options.RequireHttpsMetadata;
        o.Scope.Clear();
        foreach (var scope in options.Scopes)
        {
            o.Scope.Add(scope);
        }

        if (options.AuthorizationEndpoint is { Length: > 0 } authorize)
        {
            o.Configuration = new OpenIdConnectConfiguration { Issuer = options.Authority, AuthorizationEndpoint = authorize, TokenEndpoint = options.TokenEndpoint };
        }

        o.Events.OnTokenValidated = ctx => OnTokenValidated(ctx, slug, options);
        o.Events.OnRemoteFailure = async ctx =>
        {
            ctx.HandleResponse();
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await Results.Problem(title: "Sign-in refused", detail: $"Signing in with the identity provider of {slug} failed: {ctx.Failure?.Message}", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(ctx.HttpContext);
        };
    }

    private static async Task OnTokenValidated(TokenValidatedContext ctx, string slug, OidcKommuneOptions options)
    {
        var services = ctx.HttpContext.RequestServices;
        var snapshot = await services.GetRequiredService<RotaProvider>().GetAsync(ctx.HttpContext.RequestAborted);
        var kommune = snapshot.Kommuner.FirstOrDefault(k => k.Slug == slug);
        if (kommune is null)
        {
            ctx.Fail($"Kommune {slug} is not on the hotline.");
            return;
        }

        var partnerships = snapshot.PartnershipsOf(kommune.Kode).Select(p => p.Id).ToList();
        var mapping = OidcClaimsMapper.Map(ctx.Principal?.Claims ?? [], options, kommune.Kode, kommune.Slug, partnerships);
        if (mapping.Identity is null)
        {
            ctx.Fail(mapping.Refusal!);
            return;
        }

        var principal = await services.GetRequiredService<OidcStaffAccounts>().SignInAsync(mapping.Identity, kommune.Kode, kommune.Slug, ctx.HttpContext.RequestAborted);
        if (principal is null)
        {
            ctx.Fail("The staff account is disabled.");
            return;
        }

        ctx.Principal = principal;
    }
}
