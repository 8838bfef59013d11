using System.Diagnostics;
using System.Net.Http.Json;

namespace SharedHotline.Load;

internal static class LoadHelpers
{
    private static readonly string[] Sentences =
    [
        "Hej, jeg skal forny mit pas. Hvad skal jeg medbringe?",
        "Jeg er flyttet og vil gerne høre om min adresseændring er registreret.",
        "Kan jeg få hjælp til at logge på med MitID?",
        "Tak for svaret, det hjalp mig meget.",
        "Hvornår kan jeg forvente at få svar på min ansøgning om sygedagpenge?",
    ];

    public static string Text(int n) => Sentences[n % Sentences.Length];

    public static TimeSpan Interval(double perSecond) => TimeSpan.FromSeconds(1 / Math.Max(0.01, perSecond));

    /// <summary>Waits a random part of one interval, so that senders started together spread over it.</summary>
    public static Task Stagger(TimeSpan interval, CancellationToken ct) =>
        Task.Delay(interval * Random.Shared.NextDouble(), ct);

    /// <summary>Ramp-up left out of the latency figures after every chat is under way.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>Waits the interval with up to ±20 % jitter, so senders do not move in lockstep.</summary>
    public static Task Pace(TimeSpan interval, CancellationToken ct) =>
        Task.Delay(interval * (0.8 + (Random.Shared.NextDouble() * 0.4)), ct);

    public static async Task<ServerFigures?> ServerFiguresAsync(Uri server, bool collect)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
            return await http.GetFromJsonAsync<ServerFigures>($"/api/load-test/process?collect={(collect ? "true" : "false")}");
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static double Seconds(long since) => Stopwatch.GetElapsedTime(since).TotalSeconds;
}
