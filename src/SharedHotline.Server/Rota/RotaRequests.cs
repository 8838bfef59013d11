using SharedHotline.Domain.Rota;

namespace SharedHotline.Server.Rota;

/// <summary>A recurring pattern. <see cref="Overnight"/> must be true for a slot that ends after midnight (end before start).</summary>
public sealed record PatternRequest(
    IReadOnlyList<DayOfWeek>? Days,
    TimeOnly? Start,
    TimeOnly? End,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    RotationRequest? Rotation,
    int? MinAgents,
    bool Overnight = false);

/// <summary>Who is responsible and rostered: by ISO week counted from the week of <see cref="Anchor"/>, or by weekday.</summary>
public sealed record RotationRequest(RotationKind? Kind, DateOnly? Anchor, IReadOnlyList<TurnRequest>? Turns);

/// <summary>One turn: the responsible kommune (kommunekode) and the agents named for it; <see cref="Day"/> only in a weekday rotation.</summary>
public sealed record TurnRequest(int? Kommune, IReadOnlyList<Guid>? AgentIds, DayOfWeek? Day);

/// <summary>
/// A dated exception. Cancelled and OpenOnHoliday take an optional <see cref="PatternId"/> (all patterns
/// that day when left out); Swap takes <see cref="FromAgentId"/>, <see cref="ToAgentId"/> and optionally the
/// pattern or extra slot; ExtraSlot takes start, end, responsible kommune and agents.
/// </summary>
public sealed record ExceptionRequest(
    RotaExceptionKind? Kind,
    DateOnly? Date,
    Guid? PatternId,
    TimeOnly? Start,
    TimeOnly? End,
    int? ResponsibleKommune,
    IReadOnlyList<Guid>? AgentIds,
    Guid? FromAgentId,
    Guid? ToAgentId,
    string? Note,
    bool Overnight = false);
