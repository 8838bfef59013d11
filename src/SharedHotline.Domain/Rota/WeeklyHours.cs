namespace SharedHotline.Domain.Rota;

/// <summary>Recurring opening hours by weekday in local time.</summary>
public sealed record WeeklyHours(IReadOnlyList<DayWindow> Windows)
{
    public static WeeklyHours None { get; } = new([]);

    public static WeeklyHours Create(IEnumerable<DayOfWeek> days, TimeOnly start, TimeOnly end) =>
        new(days.Select(d => new DayWindow(d, start, end)).ToList());

    public WeeklyHours With(DayOfWeek day, TimeOnly start, TimeOnly end) =>
        new(Windows.Where(w => w.Day != day).Append(new DayWindow(day, start, end)).OrderBy(w => w.Day).ToList());

    public IEnumerable<DayWindow> On(DayOfWeek day) => Windows.Where(w => w.Day == day);
}
