namespace SharedHotline.Server.Web;

/// <summary>
/// <c>/widget.js</c>: the loader a kommune puts on its own website with one tag,
/// <c>&lt;script src="https://…/widget.js" data-kommune="soroe" async&gt;&lt;/script&gt;</c> (or <c>widget.js?kommune=soroe</c>).
/// It adds a chat button that opens the kommune's chat in a frame from this server.
/// </summary>
public static class WidgetScript
{
    public static IResult Serve(HttpContext http, WebAssets assets)
    {
        var path = assets.WidgetLoaderPath;
        if (!File.Exists(path))
        {
            return Results.Problem(title: "Widget not built", detail: "The widget script is missing on the server: build the server project, which builds the front end.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // A stable address that kommune websites embed: let caches keep it only briefly so updates arrive.
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.File(path, "text/javascript; charset=utf-8");
    }
}
