using Microsoft.AspNetCore.Cors.Infrastructure;
using SharedHotline.Client.Contracts;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Security;

/// <summary>
/// CORS for the citizen widget, from each kommune's configured website origins (<c>WebsiteOrigins</c>): a kommune's
/// public endpoints (<c>/api/kommuner/{kommune}/status</c>, <c>opening-hours</c>, <c>callbacks</c>) answer only that
/// kommune's origins; the kommune list and the citizen hub answer the origins of any kommune. Staff APIs, the agent hub
/// and the kommune admin's endpoints allow no other origin at all.
/// </summary>
public sealed class KommuneCorsPolicyProvider(IKommuneStore store) : ICorsPolicyProvider
{
    private static readonly CorsPolicy Nobody = new();
    private static readonly string[] WidgetEndpoints = ["status", "opening-hours", "callbacks"];

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return null;
        }

        var path = context.Request.Path;
        IEnumerable<string> allowed;
        if (path.StartsWithSegments(HubPaths.Citizen) || path.Equals("/api/kommuner") || path.Equals("/api/kommuner/"))
        {
            allowed = (await store.GetAllAsync(context.RequestAborted)).SelectMany(k => k.Settings.WebsiteOrigins);
        }
        else if (path.StartsWithSegments("/api/kommuner", out var rest) && WidgetSlug(rest) is { } slug
                 && await store.TryGetBySlugAsync(slug, context.RequestAborted) is { } kommune)
        {
            allowed = kommune.Settings.WebsiteOrigins;
        }
        else
        {
            return Nobody;
        }

        return allowed.Any(o => SameOrigin(o, origin))
            ? new CorsPolicyBuilder().WithOrigins(origin).AllowAnyHeader().WithMethods("GET", "POST").AllowCredentials().SetPreflightMaxAge(TimeSpan.FromMinutes(10)).Build()
            : Nobody;
    }

    public static bool SameOrigin(string configured, string origin) =>
        string.Equals(configured.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase);

    /// <summary>The slug of <c>/{slug}/status</c>, <c>/{slug}/opening-hours</c> or <c>/{slug}/callbacks</c>, else null.</summary>
    private static string? WidgetSlug(PathString rest)
    {
        var parts = (rest.Value ?? "").Trim('/').Split('/');
        return parts.Length == 2 && WidgetEndpoints.Contains(parts[1], StringComparer.OrdinalIgnoreCase) ? parts[0] : null;
    }
}
