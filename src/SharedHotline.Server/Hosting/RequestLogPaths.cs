using Serilog.Events;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// The properties of the request log line, with secrets taken out of the path: a calendar feed address is the
/// agent's password for her shifts, so only its shape is logged; a transcript search is what staff typed, which may be
/// a citizen's phone or CPR number instead of a reference, so it is not logged either.
/// </summary>
public static class RequestLogPaths
{
    private const string ShiftFeeds = "/api/shifts/";
    private const string TranscriptSearch = "/api/transcripts/by-reference/";

    public static IEnumerable<LogEventProperty> Properties(HttpContext http, string path, double elapsedMs, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(http.Request.Method)),
        new("RequestPath", new ScalarValue(Redact(path))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsedMs)),
    ];

    /// <summary>
    /// A probe or a scrape (every few seconds, from the orchestrator or Prometheus) logs at Debug, or Warning when the
    /// node is not ready; anything else as usual: Error for a server error, Information otherwise.
    /// </summary>
    public static LogEventLevel Level(HttpContext http, double elapsedMs, Exception? error)
    {
        var status = http.Response.StatusCode;
        if (http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/metrics"))
        {
            return error is null && status < 500 ? LogEventLevel.Debug : LogEventLevel.Warning;
        }

        return error is not null || status >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
    }

    public static string Redact(string path) =>
        path.StartsWith(ShiftFeeds, StringComparison.OrdinalIgnoreCase) ? ShiftFeeds + "{token}.ics"
        : path.StartsWith(TranscriptSearch, StringComparison.OrdinalIgnoreCase) ? TranscriptSearch + "{reference}"
        : path;
}
