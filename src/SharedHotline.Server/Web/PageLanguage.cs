using Microsoft.AspNetCore.Http.Extensions;

namespace SharedHotline.Server.Web;

/// <summary>Danish by default; English with <c>?lang=en</c>. The pages' language toggle switches the query value.</summary>
public enum PageLanguage
{
    Danish,
    English,
}

public static class PageLanguages
{
    public static PageLanguage From(HttpRequest request) =>
        string.Equals(request.Query["lang"], "en", StringComparison.OrdinalIgnoreCase) ? PageLanguage.English : PageLanguage.Danish;

    public static string Code(this PageLanguage language) => language == PageLanguage.English ? "en" : "da";

    /// <summary>The current address with <c>lang</c> set to the other language, keeping the other query values.</summary>
    public static string ToggleUrl(HttpRequest request, PageLanguage current)
    {
        var query = new QueryBuilder(request.Query.Where(q => !string.Equals(q.Key, "lang", StringComparison.OrdinalIgnoreCase)));
        if (current == PageLanguage.Danish)
        {
            query.Add("lang", "en");
        }

        return request.PathBase + request.Path + query.ToQueryString();
    }

    /// <summary>The <c>lang</c> query to carry onto links of the same language ("" for Danish).</summary>
    public static string Suffix(this PageLanguage language, bool first = true) =>
        language == PageLanguage.English ? (first ? "?lang=en" : "&lang=en") : "";
}
