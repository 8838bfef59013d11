using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace SharedHotline.Server.Rota;

/// <summary>A partnership's rota version as an HTTP entity tag, e.g. <c>"7"</c>.</summary>
public static class RotaETag
{
    public static string Format(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpResponse response, int version) => response.Headers.ETag = Format(version);

    /// <summary>
    /// The versions named by If-Match: null when the header is missing or only <c>*</c> (a blind write),
    /// else every listed tag (weak or strong) that is a version number.
    /// </summary>
    public static IReadOnlyList<int>? IfMatch(HttpRequest request)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfMatch, out var tags) || tags.Count == 0 || tags.All(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        return tags
            .Select(t => int.TryParse(t.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .ToList();
    }
}
