namespace SharedHotline.Domain.Rota;

/// <summary>Kommuner sharing a rota: the shared weekly patterns, their exceptions and the overflow rule.</summary>
public sealed record Partnership
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<int> Members { get; init; }
    public IReadOnlyList<ShiftPattern> Patterns { get; init; } = [];
    public IReadOnlyList<RotaException> Exceptions { get; init; } = [];
    public IReadOnlyList<ClosedDay> ClosedDays { get; init; } = [];
    public OverflowRule? Overflow { get; init; }

    public bool Includes(int kommuneKode) => Members.Contains(kommuneKode);
}
