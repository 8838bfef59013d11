using Serilog.Events;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// The properties of the request log line, with secrets taken out of the path: a calendar feed address is the
/// agent's password for her shifts, so only its shape is logged.
/// </summary>
public static class RequestLogPaths
{
    private const string ShiftFeeds = "/api/shifts/";

    public static IEnumerable<LogEventProperty> Properties(HttpContext http, string path, double elapsedMs, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(http.Request.Method)),
        new("RequestPath", new ScalarValue(Redact(path))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsedMs)),
    ];

    public static string Redact(string path) =>
        path.StartsWith(ShiftFeeds, StringComparison.OrdinalIgnoreCase) ? ShiftFeeds + "{token}.ics" : path;
}
