namespace SharedHotline.Server.Hosting;

/// <summary>
/// <c>dotnet SharedHotline.Server.dll --health-probe [url]</c>: asks a running server's readiness and exits 0
/// or 1. Container images have no curl; this lets Docker and compose health checks use the app itself.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--health-probe";

    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, Flag);
        var url = at + 1 < args.Length ? args[at + 1] : "http://127.0.0.1:8080/health/ready";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
