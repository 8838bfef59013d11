using System.Globalization;

namespace SharedHotline.Domain.Rota;

/// <summary>
/// Reads and writes weekly hours in the compact form used in configuration:
/// "Mon-Wed 09:00-15:00, Thu 09:00-17:00, Fri 09:00-15:00". Days are English three-letter names.
/// </summary>
public static class WeeklyHoursFormat
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static WeeklyHours Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return WeeklyHours.None;
        }

        var windows = new List<DayWindow>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length != 2)
            {
                throw new FormatException($"'{part}' is not of the form 'Mon-Fri 09:00-15:00'.");
            }

            var times = pieces[1].Split('-');
            if (times.Length != 2
                || !TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || end <= start)
            {
                throw new FormatException($"'{pieces[1]}' is not a time range such as 09:00-15:00 with the end after the start.");
            }

            windows.AddRange(ParseDays(pieces[0]).Select(d => new DayWindow(d, start, end)));
        }

        return new WeeklyHours(windows.OrderBy(w => (((int)w.Day) + 6) % 7).ThenBy(w => w.Start).ToList());
    }

    private static IEnumerable<DayOfWeek> ParseDays(string days)
    {
        var range = days.Split('-');
        var first = DayIndex(range[0]);
        var last = range.Length == 2 ? DayIndex(range[1]) : first;
        for (var i = first; ; i = (i + 1) % 7)
        {
            yield return (DayOfWeek)i;
            if (i == last)
            {
                yield break;
            }
        }
    }

    private static int DayIndex(string name)
    {
        var index = Array.FindIndex(DayNames, d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new FormatException($"'{name}' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun).");
    }
}
