using System.Globalization;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Web;

/// <summary>
/// <c>/{kommune}/chat</c>: the citizen's chat with the kommune's name and colour. With <c>?embed=1</c> it is
/// the widget's frame on the kommune's own website (no page header, a launcher button). An unknown kommune
/// gets a friendly 404 page listing the kommuner.
/// </summary>
public static class CitizenPage
{
    public static async Task<IResult> RenderAsync(string slug, HttpContext http, IKommuneStore kommuner, CancellationToken ct)
    {
        var language = PageLanguages.From(http.Request);
        var texts = PageTexts.For(language);
        var kommune = await kommuner.TryGetBySlugAsync(slug, ct);
        if (kommune is null)
        {
            var shown = slug.Length > 40 ? slug[..40] + "…" : slug;
            var main = $"""
                <div class="not-found">
                <h1>{PageShell.E(texts.NotFoundTitle)}</h1>
                <p>{PageShell.E(string.Format(CultureInfo.InvariantCulture, texts.NotFoundKommune, shown))}</p>
                <h2>{PageShell.E(texts.NotFoundChoose)}</h2>
                {KommuneLinks.Html(await kommuner.GetAllAsync(ct), language)}
                </div>
                """;
            return PageShell.Render(http, new ShellPage { Entry = "site", Title = texts.NotFoundTitle, Heading = texts.Product, Subheading = texts.Tagline, MainHtml = main, Status = StatusCodes.Status404NotFound });
        }

        var embedded = http.Request.Query["embed"] == "1";
        if (embedded)
        {
            // The widget frames this page inside the kommune's own website: only its configured origins may.
            http.Items[Security.SecurityHeaders.FrameAncestorsItem] = string.Join(' ', kommune.Settings.WebsiteOrigins.Prepend("'self'"));
        }

        return PageShell.Render(http, new ShellPage
        {
            Entry = "citizen",
            Title = string.Format(CultureInfo.InvariantCulture, texts.CitizenTitle, kommune.OfficialName),
            Heading = kommune.OfficialName,
            Subheading = texts.CitizenHeading,
            Chrome = !embedded,
            Data = new Dictionary<string, string>
            {
                ["kommune"] = kommune.Slug,
                ["kommune-name"] = kommune.Name,
                ["kommune-official-name"] = kommune.OfficialName,
                ["colour"] = kommune.Settings.Colour,
                ["embedded"] = embedded ? "true" : "false",
            },
        });
    }
}
