using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SharedHotline.Server.Web;

/// <summary>
/// What a server-rendered page shell holds: the bundle it loads, its title and header, and the data its
/// script reads from <c>data-*</c> attributes of the body. <see cref="MainHtml"/> is already encoded.
/// </summary>
public sealed record ShellPage
{
    public required string Entry { get; init; }
    public required string Title { get; init; }
    public required string Heading { get; init; }
    public string? Subheading { get; init; }
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
    public string? MainHtml { get; init; }
    public bool Chrome { get; init; } = true;
    public int Status { get; init; } = StatusCodes.Status200OK;
}

/// <summary>
/// Renders the HTML shells: <c>lang</c>, a title, a skip link, header/main/footer landmarks and the page's
/// bundle. No inline script or style, so a strict Content-Security-Policy can be added.
/// </summary>
public static class PageShell
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult Render(HttpContext http, ShellPage page)
    {
        var assets = http.RequestServices.GetRequiredService<WebAssets>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var language = PageLanguages.From(http.Request);
        var texts = PageTexts.For(language);
        var bundle = assets.Bundle(page.Entry);
        if (bundle is null)
        {
            page = page with
            {
                Title = texts.NotBuiltTitle,
                MainHtml = $"<h1>{E(texts.NotBuiltTitle)}</h1><p>{E(texts.NotBuiltText)}</p>",
                Status = StatusCodes.Status503ServiceUnavailable,
            };
        }

        var html = new StringBuilder(2048);
        html.Append("<!doctype html>\n<html lang=\"").Append(language.Code()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(page.Title)).Append("</title>\n")
            .Append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n");
        if (bundle is not null)
        {
            foreach (var style in bundle.Styles)
            {
                html.Append("<link rel=\"stylesheet\" href=\"").Append(E(style)).Append("\">\n");
            }

            foreach (var preload in bundle.Preloads)
            {
                html.Append("<link rel=\"modulepreload\" href=\"").Append(E(preload)).Append("\">\n");
            }

            html.Append("<script type=\"module\" src=\"").Append(E(bundle.Script)).Append("\"></script>\n");
        }

        html.Append("</head>\n<body class=\"page page-").Append(E(page.Entry)).Append(page.Chrome ? "" : " page-embedded").Append('"')
            .Append(" data-lang=\"").Append(language.Code()).Append('"')
            .Append(" data-server-now=\"").Append(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)).Append('"');
        foreach (var (name, value) in page.Data)
        {
            html.Append(" data-").Append(name).Append("=\"").Append(E(value)).Append('"');
        }

        html.Append(">\n");
        if (page.Chrome)
        {
            html.Append("<a class=\"skip-link\" href=\"#main\">").Append(E(texts.SkipLink)).Append("</a>\n")
                .Append("<header class=\"site-header\">\n<div class=\"site-header__inner\">\n<div class=\"site-brand\">")
                .Append("<p class=\"site-brand__name\">").Append(E(page.Heading)).Append("</p>");
            if (page.Subheading is { Length: > 0 } sub)
            {
                html.Append("<p class=\"site-brand__sub\">").Append(E(sub)).Append("</p>");
            }

            html.Append("</div>\n<div class=\"site-header__tools\" id=\"header-tools\"></div>\n")
                .Append("<nav class=\"language-nav\" aria-label=\"").Append(E(texts.LanguageNav)).Append("\"><a href=\"")
                .Append(E(PageLanguages.ToggleUrl(http.Request, language))).Append("\" lang=\"").Append(texts.OtherLanguage)
                .Append("\" hreflang=\"").Append(texts.OtherLanguage).Append("\">").Append(E(texts.OtherLanguageName)).Append("</a></nav>\n")
                .Append("</div>\n</header>\n");
        }

        html.Append("<main id=\"main\" tabindex=\"-1\">\n");
        if (page.MainHtml is not null || bundle is null)
        {
            html.Append(page.MainHtml);
        }
        else
        {
            html.Append("<div id=\"app\"><p class=\"loading\" role=\"status\">").Append(E(texts.Loading)).Append("</p></div>\n")
                .Append("<noscript><p class=\"notice notice--error\">").Append(E(texts.NoScript)).Append("</p></noscript>\n");
        }

        html.Append("</main>\n");
        if (page.Chrome)
        {
            html.Append("<footer class=\"site-footer\"><p>").Append(E(texts.Product)).Append(" · ").Append(E(texts.Tagline)).Append("</p></footer>\n");
        }

        html.Append("</body>\n</html>\n");
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, page.Status);
    }

    public static string E(string value) => Encoder.Encode(value);
}
