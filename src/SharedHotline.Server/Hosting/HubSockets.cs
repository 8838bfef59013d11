using SharedHotline.Client.Contracts;
using SharedHotline.Server.LoadTesting;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// A hub's WebSocket is one HTTP request that lasts as long as the connection, so every middleware above the hub
/// stays suspended in its <c>await next()</c> (a state machine, its captured locals, logging scopes) for hours: 3 KiB
/// of an idle citizen tab's 23.5 KiB (docs/benchmarks.md). Middleware that does nothing for an upgraded socket is
/// therefore skipped for it: error pages, status-code pages, request logging (it would write its line when the
/// socket closes), CORS (browsers do not apply it to WebSockets) and the kommune context (hub calls set their own,
/// <see cref="Chats.HotlineHubFilter"/>). The citizen hub is anonymous, as is the load tests' relay hub (so that it
/// stays a like-for-like baseline), so their sockets also skip authentication and authorization. Forwarded
/// headers, the security headers and the per-address rate limit still run for every socket, the agent hub's socket
/// is still signed in and authorized, and negotiate requests take the whole pipeline.
/// </summary>
public static class HubSockets
{
    /// <summary>A WebSocket upgrade request to one of the hubs.</summary>
    public static bool IsHubSocket(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/hubs") && IsWebSocketUpgrade(http.Request);

    /// <summary>A WebSocket upgrade request to an anonymous hub: the citizen hub, or the load tests' relay hub.</summary>
    public static bool IsAnonymousHubSocket(HttpContext http) =>
        (http.Request.Path.Equals(HubPaths.Citizen, StringComparison.OrdinalIgnoreCase)
            || http.Request.Path.Equals(RelayHub.Path, StringComparison.OrdinalIgnoreCase))
        && IsWebSocketUpgrade(http.Request);

    /// <summary>Adds <paramref name="middleware"/> for every request except hub WebSockets.</summary>
    public static IApplicationBuilder UseUnlessHubSocket(this IApplicationBuilder app, Action<IApplicationBuilder> middleware) =>
        app.UseWhen(http => !IsHubSocket(http), middleware);

    /// <summary>Adds <paramref name="middleware"/> for every request except WebSockets to an anonymous hub.</summary>
    public static IApplicationBuilder UseUnlessAnonymousHubSocket(this IApplicationBuilder app, Action<IApplicationBuilder> middleware) =>
        app.UseWhen(http => !IsAnonymousHubSocket(http), middleware);

    /// <summary>
    /// WebApplication adds authentication and authorization at the very start of the pipeline unless it sees them
    /// placed (by these markers, which <c>UseAuthentication</c> and <c>UseAuthorization</c> set); placed inside a
    /// <c>UseWhen</c> branch they set them on the branch's copy of the properties only, so they are set here on the
    /// application itself. The integration tests check that a citizen's socket is not authenticated while an
    /// agent's is (HubSocketPipelineTests).
    /// </summary>
    public static void MarkAuthenticationPlaced(IApplicationBuilder app)
    {
        app.Properties[AuthenticationPlaced] = true;
        app.Properties[AuthorizationPlaced] = true;
    }

    private const string AuthenticationPlaced = "__AuthenticationMiddlewareSet";
    private const string AuthorizationPlaced = "__AuthorizationMiddlewareSet";

    private static bool IsWebSocketUpgrade(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && string.Equals(request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase);
}
