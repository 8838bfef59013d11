namespace SharedHotline.Domain.Rota;

public enum RotaExceptionKind
{
    /// <summary>The pattern's slot on <see cref="RotaException.Date"/> does not take place.</summary>
    Cancelled,

    /// <summary>A one-off slot with its own times, responsible kommune and staff.</summary>
    ExtraSlot,

    /// <summary><see cref="RotaException.FromAgentId"/> hands the slot to <see cref="RotaException.ToAgentId"/>.</summary>
    Swap,

    /// <summary>The pattern's slot takes place although the date is a holiday or closed day.</summary>
    OpenOnHoliday,
}

/// <summary>A dated change to the rota. Fields not used by a kind stay null.</summary>
public sealed record RotaException
{
    public required Guid Id { get; init; }
    public required RotaExceptionKind Kind { get; init; }
    public required DateOnly Date { get; init; }
    public Guid? PatternId { get; init; }
    public TimeOnly? Start { get; init; }
    public TimeOnly? End { get; init; }
    public int? ResponsibleKommune { get; init; }
    public IReadOnlyList<Guid> AgentIds { get; init; } = [];
    public Guid? FromAgentId { get; init; }
    public Guid? ToAgentId { get; init; }
    public string? Note { get; init; }
}
