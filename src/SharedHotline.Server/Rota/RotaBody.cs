using System.Text.Json;
using Microsoft.Extensions.Options;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Rota;

/// <summary>
/// Reads a JSON request body so that a value of the wrong type is answered like any other invalid
/// field: 400 with the field's name (e.g. <c>rotation.turns[0].agentIds[1]</c>) in the errors.
/// </summary>
public static class RotaBody
{
    public const string FormatHint = "Wrong type or format: times are HH:mm, dates YYYY-MM-DD, ids GUIDs, weekdays Monday to Sunday, kommuner by kommunekode.";

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, RotaProblems.UnsupportedBody());
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await request.ReadFromJsonAsync<T>(options, ct);
            return body is null ? (null, Problems.Validation("body", "A JSON object is required.")) : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Validation(FieldOf(ex.Path), FormatHint));
        }
    }

    /// <summary><c>$.rotation.turns[0].kommune</c> becomes <c>rotation.turns[0].kommune</c>; the root becomes <c>body</c>.</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
