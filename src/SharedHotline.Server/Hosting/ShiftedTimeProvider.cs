using System.Globalization;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// A clock that starts at a chosen instant and runs at normal speed: <c>Hotline:Clock:StartAt</c>
/// (e.g. "2026-11-24T20:30:00+01:00") shows the hotline as on a Tuesday evening, for demos and for
/// multi-process tests. Refused in Production.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset startAt) : TimeProvider
{
    private readonly TimeSpan _shift = startAt - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;

    public static void AddIfConfigured(WebApplicationBuilder builder)
    {
        var startAt = builder.Configuration["Hotline:Clock:StartAt"];
        if (string.IsNullOrWhiteSpace(startAt))
        {
            return;
        }

        if (builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("Hotline:Clock:StartAt is for demos and tests; it is refused in Production.");
        }

        builder.Services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(DateTimeOffset.Parse(startAt, CultureInfo.InvariantCulture)));
    }
}
