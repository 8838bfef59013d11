using System.Globalization;
using System.Security.Claims;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Web;

/// <summary>
/// The staff pages: sign-in, the agent console, the coordinator's rota editor, the kommune admin's settings and the
/// statistics. Signed-out visitors are sent
/// to the sign-in page and come back; a signed-in account without the role sees why it may not enter.
/// </summary>
public static class StaffPages
{
    public static IResult Login(HttpContext http)
    {
        var texts = PageTexts.For(PageLanguages.From(http.Request));
        return PageShell.Render(http, new ShellPage { Entry = "login", Title = texts.LoginTitle, Heading = texts.Product, Subheading = texts.Tagline });
    }

    public static IResult Agent(HttpContext http)
    {
        var texts = PageTexts.For(PageLanguages.From(http.Request));
        return Guard(http, [StaffRoles.Agent]) ?? PageShell.Render(http, new ShellPage
        {
            Entry = "agent",
            Title = texts.AgentTitle,
            Heading = texts.Product,
            Subheading = http.User.Identity!.Name,
            Data = new Dictionary<string, string> { ["agent-hub"] = HubPaths.Agent },
        });
    }

    public static IResult Coordinator(HttpContext http)
    {
        var texts = PageTexts.For(PageLanguages.From(http.Request));
        return Guard(http, [StaffRoles.Coordinator, StaffRoles.Admin]) ?? PageShell.Render(http, new ShellPage
        {
            Entry = "coordinator",
            Title = texts.CoordinatorTitle,
            Heading = texts.Product,
            Subheading = http.User.Identity!.Name,
        });
    }

    public static IResult Admin(HttpContext http)
    {
        var texts = PageTexts.For(PageLanguages.From(http.Request));
        return Guard(http, [StaffRoles.Admin, StaffRoles.Coordinator]) ?? PageShell.Render(http, new ShellPage
        {
            Entry = "admin",
            Title = texts.AdminTitle,
            Heading = texts.Product,
            Subheading = http.User.Identity!.Name,
        });
    }

    /// <summary>
    /// <c>/statistik</c>: coordinators see their partnership, kommune admins their own kommune; an agent gets the
    /// "no access" page. Which partnerships and kommuner the page offers comes from <c>GET /api/statistics/scope</c>.
    /// </summary>
    public static IResult Statistics(HttpContext http)
    {
        var texts = PageTexts.For(PageLanguages.From(http.Request));
        return Guard(http, [StaffRoles.Coordinator, StaffRoles.Admin]) ?? PageShell.Render(http, new ShellPage
        {
            Entry = "statistics",
            Title = texts.StatisticsTitle,
            Heading = texts.Product,
            Subheading = http.User.Identity!.Name,
        });
    }

    private static IResult? Guard(HttpContext http, string[] roles)
    {
        var language = PageLanguages.From(http.Request);
        if (http.User.Identity?.IsAuthenticated != true)
        {
            var returnUrl = http.Request.Path + http.Request.QueryString;
            return Results.Redirect($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}{language.Suffix(first: false)}");
        }

        if (roles.Any(http.User.IsInRole))
        {
            return null;
        }

        var texts = PageTexts.For(language);
        var name = http.User.FindFirstValue(ClaimTypes.Name) ?? "";
        var main = $"""
            <div class="forbidden">
            <h1>{PageShell.E(texts.ForbiddenTitle)}</h1>
            <p>{PageShell.E(string.Format(CultureInfo.InvariantCulture, texts.ForbiddenText, name))}</p>
            <p><a href="/login{language.Suffix()}">{PageShell.E(texts.ForbiddenSwitch)}</a></p>
            </div>
            """;
        return PageShell.Render(http, new ShellPage { Entry = "site", Title = texts.ForbiddenTitle, Heading = texts.Product, Subheading = texts.Tagline, MainHtml = main, Status = StatusCodes.Status403Forbidden });
    }
}
