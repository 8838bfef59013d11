using System.Globalization;
using NodaTime;
using SharedHotline.Domain.Rota;

namespace SharedHotline.Server.Rota;

/// <summary>Query-string dates of the rota API: local dates (YYYY-MM-DD) in Europe/Copenhagen.</summary>
public static class RotaDates
{
    public const int MaxRangeDays = 92;

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(RotaSnapshot.Copenhagen).Date.ToDateTimeUnspecified());

    /// <summary>Parses <c>from</c> and <c>to</c> (inclusive), defaulting to today and <paramref name="defaultDays"/> days on.</summary>
    public static (DateOnly From, DateOnly To, Dictionary<string, string[]> Errors) Range(string? from, string? to, DateOnly today, int defaultDays)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = Parse(from, "from", today, errors);
        var toDate = Parse(to, "to", fromDate.AddDays(defaultDays - 1), errors);
        if (errors.Count == 0 && toDate < fromDate)
        {
            errors["to"] = ["'to' must be on or after 'from'."];
        }
        else if (errors.Count == 0 && toDate.DayNumber - fromDate.DayNumber >= MaxRangeDays)
        {
            errors["to"] = [$"At most {MaxRangeDays} days at once."];
        }

        return (fromDate, toDate, errors);
    }

    /// <summary>A month as YYYY-MM, defaulting to the current one: its first and last day.</summary>
    public static (DateOnly First, DateOnly Last, Dictionary<string, string[]> Errors) Month(string? month, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var first = new DateOnly(today.Year, today.Month, 1);
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed >= RotaRules.Earliest && parsed <= RotaRules.Latest)
            {
                first = parsed;
            }
            else
            {
                errors["month"] = [$"'{Shorten(month)}' is not a month (YYYY-MM) between 2000 and 2100."];
            }
        }

        return (first, first.AddMonths(1).AddDays(-1), errors);
    }

    private static DateOnly Parse(string? value, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= RotaRules.Earliest && date <= RotaRules.Latest)
        {
            return date;
        }

        errors[field] = [$"'{Shorten(value)}' is not a date (YYYY-MM-DD) between 2000 and 2100."];
        return fallback;
    }

    private static string Shorten(string value) => value.Length > 20 ? value[..20] : value;
}
