namespace SharedHotline.Domain.Rota;

/// <summary>A local wall-clock window on one weekday, e.g. Thursday 09:00-17:00.</summary>
public sealed record DayWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End);
