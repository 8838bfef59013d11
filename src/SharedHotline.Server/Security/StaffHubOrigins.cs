using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Security;

/// <summary>
/// Browsers send cookies with a WebSocket upgrade from any page of the same site (another port, a sibling host), and
/// CORS does not govern WebSockets, so without a check any such page could open a signed-in agent console. Requests
/// to the agent hub that carry an <c>Origin</c> must come from this server's own origin or one listed in
/// <c>Hotline:Security:StaffOrigins</c>; programs (the typed client) send no Origin and sign in with a bearer token.
/// </summary>
public static class StaffHubOrigins
{
    public const string Setting = "Hotline:Security:StaffOrigins";

    public static IApplicationBuilder UseStaffHubOrigins(this IApplicationBuilder app, IConfiguration configuration)
    {
        var allowed = (configuration.GetSection(Setting).Get<string[]>() ?? []).Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(HubPaths.Agent) && http.Request.Headers.Origin is { Count: > 0 } origin && !IsAllowed(http, origin.ToString(), allowed))
            {
                var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StaffHubOrigins));
                logger.LogWarning("Agent hub request refused: it came from a page of another origin");
                await Problems.From(new HotlineException(HotlineErrorCode.NotAuthorized, "The agent console may only be opened from the hotline's own pages.")).ExecuteAsync(http);
                return;
            }

            await next(http);
        });
    }

    private static bool IsAllowed(HttpContext http, string origin, HashSet<string> allowed)
    {
        var own = $"{http.Request.Scheme}://{http.Request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || allowed.Contains(origin);
    }
}
