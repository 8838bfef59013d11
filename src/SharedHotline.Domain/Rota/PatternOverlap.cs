namespace SharedHotline.Domain.Rota;

/// <summary>
/// Two patterns overlap for the same responsible kommune when, on some date, their local wall-clock slots
/// intersect and their rotations make the same kommune responsible for both. Rotations repeat, so only one
/// common period (the least common multiple of their lengths in weeks) of the shared validity is checked.
/// </summary>
public static class PatternOverlap
{
    private const int MaxPeriodWeeks = 520;

    public sealed record Finding(ShiftPattern Other, DateOnly Date, int KommuneKode);

    public static Finding? FirstWithSameKommune(ShiftPattern pattern, IEnumerable<ShiftPattern> others)
    {
        foreach (var other in others.Where(o => o.Id != pattern.Id))
        {
            if (First(pattern, other) is { } finding)
            {
                return finding;
            }
        }

        return null;
    }

    private static Finding? First(ShiftPattern a, ShiftPattern b)
    {
        var from = Max(a.ValidFrom, b.ValidFrom);
        var to = Min(a.ValidTo ?? RotaRules.Latest, b.ValidTo ?? RotaRules.Latest);
        if (to < from.AddDays(-1))
        {
            return null;
        }

        var periodDays = 7 * Math.Min(MaxPeriodWeeks, Lcm(PeriodWeeks(a.Rotation), PeriodWeeks(b.Rotation)));
        if (to.DayNumber - from.DayNumber > periodDays + 1)
        {
            to = from.AddDays(periodDays + 1);
        }

        for (var date = from.AddDays(-1); date <= to; date = date.AddDays(1))
        {
            if (Interval(a, date) is not { } x)
            {
                continue;
            }

            for (var offset = -1; offset <= 1; offset++)
            {
                if (Interval(b, date.AddDays(offset)) is { } y && x.Kommune == y.Kommune && x.Start < y.End && y.Start < x.End)
                {
                    return new Finding(b, date, x.Kommune);
                }
            }
        }

        return null;
    }

    private static (NodaTime.LocalDateTime Start, NodaTime.LocalDateTime End, int Kommune)? Interval(ShiftPattern pattern, DateOnly date)
    {
        if (!pattern.AppliesOn(date) || pattern.Rotation.TurnOn(date) is not { } turn)
        {
            return null;
        }

        var start = RotaCalendar.ToLocal(date, pattern.Start);
        var end = pattern.End > pattern.Start ? RotaCalendar.ToLocal(date, pattern.End) : RotaCalendar.ToLocal(date.AddDays(1), pattern.End);
        return (start, end, turn.KommuneKode);
    }

    private static int PeriodWeeks(Rotation rotation) =>
        rotation.Kind == RotationKind.ByIsoWeek ? Math.Max(1, rotation.Turns.Count) : 1;

    private static int Lcm(int a, int b) => a / Gcd(a, b) * b;

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
