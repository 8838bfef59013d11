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

    /// <summary>The service level's threshold: a chat answered within this many seconds counts as answered in time.</summary>
    public int ServiceLevelSeconds { get; init; } = 60;

    /// <summary>The share of chats the partnership means to answer within the threshold; the staffing need is computed against it.</summary>
    public double ServiceLevelTarget { get; init; } = 0.8;

    public bool Includes(int kommuneKode) => Members.Contains(kommuneKode);
}
