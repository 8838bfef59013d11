using Microsoft.Net.Http.Headers;

namespace SharedHotline.Server.Web;

/// <summary>
/// The web faces served by the same server: the citizen chat (standalone per kommune and as an embeddable
/// widget), the agent console, the coordinator's rota editor, the kommune admin's settings, the statistics and the
/// staff sign-in. The pages are small
/// server-rendered shells around the bundles in <c>wwwroot/app</c>, which the server's build produces.
/// </summary>
public static class WebPages
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddSingleton<WebAssets>();
        return services;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = CacheHashedBundles });
        var pages = app.MapGroup("").ExcludeFromDescription().AllowAnonymous();
        pages.MapGet("/", HomePage.RenderAsync);
        pages.MapGet("/{slug}/chat", CitizenPage.RenderAsync);
        pages.MapGet("/{slug}/sag/{reference}", CitizenPage.RenderAsync);
        pages.MapGet("/login", StaffPages.Login);
        pages.MapGet("/agent", StaffPages.Agent);
        pages.MapGet("/coordinator", StaffPages.Coordinator);
        pages.MapGet("/admin", StaffPages.Admin);
        pages.MapGet("/statistik", StaffPages.Statistics);
        pages.MapGet("/widget.js", WidgetScript.Serve);
        pages.MapGet("/favicon.svg", () => Results.Text(Favicon, "image/svg+xml", System.Text.Encoding.UTF8));
        return app;
    }

    /// <summary>A speech bubble: the pages' icon.</summary>
    public const string Favicon =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><path fill=\"#1f5f8b\" d=\"M4 4h24a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H13l-7 6v-6H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z\"/></svg>";

    /// <summary>Bundle files carry their content hash in the name: cache them for good.</summary>
    private static void CacheHashedBundles(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context)
    {
        if (context.Context.Request.Path.StartsWithSegments(WebAssets.UrlPrefix + "assets", StringComparison.Ordinal))
        {
            context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        }
    }
}
