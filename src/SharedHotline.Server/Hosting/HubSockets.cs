using Microsoft.AspNetCore.Http.Features;
using SharedHotline.Client.Contracts;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// A hub's WebSocket is one HTTP request that lasts as long as the connection, so every middleware above the hub
/// stays suspended in its <c>await next()</c> (a state machine, its captured locals, logging scopes) for hours, and
/// there is one per idle citizen tab (docs/benchmarks.md). WebSockets to the anonymous hubs (the citizen hub, and
/// the load tests' relay hub so that it stays a like-for-like baseline) therefore skip what does nothing for them:
/// error pages, status-code pages, request logging (it would write its line when the socket closes), CORS
/// (browsers do not apply it to WebSockets), the kommune context (hub calls set their own,
/// <see cref="Chats.HotlineHubFilter"/>) and staff sign-in. Forwarded headers, the security headers and the
/// per-address rate limit still run for them; the agent hub's socket and every negotiate request take the whole
/// pipeline.
/// </summary>
public static class HubSockets
{
    /// <summary>A WebSocket upgrade request to an anonymous hub: the citizen hub, or one a host added (<see cref="AnonymousHubSocket"/>).</summary>
    public static bool IsAnonymousHubSocket(HttpContext http) =>
        http.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
        && string.Equals(http.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)
        && (http.Request.Path.Equals(HubPaths.Citizen, StringComparison.OrdinalIgnoreCase) || IsAddedAnonymousHub(http));

    private static bool IsAddedAnonymousHub(HttpContext http)
    {
        foreach (var hub in http.RequestServices.GetServices<AnonymousHubSocket>())
        {
            if (http.Request.Path.Equals(hub.Path, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds <paramref name="middleware"/> for every request except WebSockets to an anonymous hub.</summary>
    public static IApplicationBuilder UseUnlessAnonymousHubSocket(this IApplicationBuilder app, Action<IApplicationBuilder> middleware) =>
        app.UseWhen(http => !IsAnonymousHubSocket(http), middleware);

    /// <summary>
    /// Authentication, the kommune context and authorization, skipped for anonymous hub sockets. WebApplication
    /// adds authentication and authorization at the very start of the pipeline unless it sees them placed, by the
    /// markers <c>UseAuthentication</c> and <c>UseAuthorization</c> set; inside a <c>UseWhen</c> branch those land
    /// on the branch's copy of the properties, so they are set on the application here, next to the branches they
    /// stand for. HubSocketPipelineTests fails if authentication runs twice.
    /// </summary>
    public static IApplicationBuilder UseSignInAndKommune(this IApplicationBuilder app)
    {
        app.UseUnlessAnonymousHubSocket(http => http.UseAuthentication());
        app.UseUnlessAnonymousHubSocket(http => http.UseKommuneTenancy());
        app.UseUnlessAnonymousHubSocket(http => http.UseAuthorization());
        app.Properties[AuthenticationPlaced] = true;
        app.Properties[AuthorizationPlaced] = true;
        return app;
    }

    private const string AuthenticationPlaced = "__AuthenticationMiddlewareSet";
    private const string AuthorizationPlaced = "__AuthorizationMiddlewareSet";
}

/// <summary>Another hub whose WebSocket takes the short pipeline of <see cref="HubSockets"/>; the product registers none.</summary>
public sealed record AnonymousHubSocket(string Path);
