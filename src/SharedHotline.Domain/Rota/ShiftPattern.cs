namespace SharedHotline.Domain.Rota;

/// <summary>
/// A recurring shared slot, e.g. Monday-Thursday 15:00-22:00 local time, valid between two dates,
/// whose responsible kommune and staff follow <see cref="Rotation"/>.
/// </summary>
public sealed record ShiftPattern
{
    public required Guid Id { get; init; }
    public required IReadOnlyList<DayOfWeek> Days { get; init; }
    public required TimeOnly Start { get; init; }
    public required TimeOnly End { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public required Rotation Rotation { get; init; }
    public int MinAgents { get; init; } = 1;

    public bool AppliesOn(DateOnly date) =>
        Days.Contains(date.DayOfWeek) && date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}
