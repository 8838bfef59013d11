using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Web;

/// <summary><c>/</c>: what the hotline is, every kommune's chat page, and the staff sign-in.</summary>
public static class HomePage
{
    public static async Task<IResult> RenderAsync(HttpContext http, IKommuneStore kommuner, CancellationToken ct)
    {
        var language = PageLanguages.From(http.Request);
        var texts = PageTexts.For(language);
        var main = $"""
            <div class="home">
            <h1>{PageShell.E(texts.HomeTitle)}</h1>
            <p class="lead">{PageShell.E(texts.HomeIntro)}</p>
            <section aria-labelledby="kommuner-heading">
            <h2 id="kommuner-heading">{PageShell.E(texts.HomeKommuner)}</h2>
            {KommuneLinks.Html(await kommuner.GetAllAsync(ct), language)}
            </section>
            <section aria-labelledby="staff-heading">
            <h2 id="staff-heading">{PageShell.E(texts.HomeStaff)}</h2>
            <p><a href="/login{language.Suffix()}">{PageShell.E(texts.StaffSignIn)}</a></p>
            </section>
            </div>
            """;
        return PageShell.Render(http, new ShellPage { Entry = "site", Title = texts.HomeTitle, Heading = texts.Product, Subheading = texts.Tagline, MainHtml = main });
    }
}
