namespace SharedHotline.Domain.Rota;

/// <summary>Danish public holidays (helligdage), computed from Easter. Store bededag is not one from 2024.</summary>
public static class DanishHolidays
{
    public static IReadOnlyDictionary<DateOnly, string> For(int year)
    {
        var easter = EasterSunday(year);
        var days = new Dictionary<DateOnly, string>
        {
            [new DateOnly(year, 1, 1)] = "Nytårsdag",
            [easter.AddDays(-3)] = "Skærtorsdag",
            [easter.AddDays(-2)] = "Langfredag",
            [easter] = "Påskedag",
            [easter.AddDays(1)] = "2. påskedag",
            [easter.AddDays(39)] = "Kristi himmelfartsdag",
            [easter.AddDays(49)] = "Pinsedag",
            [easter.AddDays(50)] = "2. pinsedag",
            [new DateOnly(year, 12, 25)] = "Juledag",
            [new DateOnly(year, 12, 26)] = "2. juledag",
        };
        if (year < 2024)
        {
            days[easter.AddDays(26)] = "Store bededag";
        }

        return days;
    }

    public static string? NameOf(DateOnly date) => For(date.Year).TryGetValue(date, out var name) ? name : null;

    /// <summary>Gregorian computus (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
