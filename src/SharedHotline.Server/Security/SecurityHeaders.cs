namespace SharedHotline.Server.Security;

/// <summary>
/// The usual security headers on every response. API answers get a CSP that allows nothing (they are data, never a
/// page); HTML pages get a same-origin policy with no inline script. Answers under <c>/api</c> are not cached, as they
/// can carry citizens' data.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A page that may be framed (the citizen chat inside a kommune's website) puts its allowed ancestors here,
    /// e.g. <c>'self' https://www.soroe.dk</c>; every other page and answer may not be framed at all.
    /// </summary>
    public const string FrameAncestorsItem = "sharedhotline.frame-ancestors";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                var isPage = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                var ancestors = http.Items[FrameAncestorsItem] as string;
                headers.ContentSecurityPolicy = !isPage ? ApiPolicy
                    : ancestors is null ? PagePolicy
                    : PagePolicy.Replace("frame-ancestors 'none'", "frame-ancestors " + ancestors, StringComparison.Ordinal);
                headers.XContentTypeOptions = "nosniff";
                if (ancestors is null)
                {
                    headers.XFrameOptions = "DENY";
                }

                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (http.Request.Path.StartsWithSegments("/api") && !headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
}
