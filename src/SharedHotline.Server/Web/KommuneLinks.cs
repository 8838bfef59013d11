using System.Text;
using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Server.Web;

/// <summary>The list of every kommune's chat page, on the home page and on the page for an unknown kommune.</summary>
public static class KommuneLinks
{
    public static string Html(IEnumerable<Kommune> kommuner, PageLanguage language)
    {
        var html = new StringBuilder("<ul class=\"kommune-list\">");
        foreach (var k in kommuner)
        {
            html.Append("<li><a class=\"kommune-link\" href=\"/").Append(PageShell.E(Uri.EscapeDataString(k.Slug))).Append("/chat")
                .Append(language.Suffix()).Append("\">").Append(PageShell.E(k.OfficialName)).Append("</a></li>");
        }

        return html.Append("</ul>").ToString();
    }
}
