using NodaTime;

namespace SharedHotline.Domain.Rota;

/// <summary>
/// One concrete occurrence of a shared slot, resolved to instants. A pattern's slot has <see cref="PatternId"/>,
/// a one-off extra slot its exception's id in <see cref="ExtraSlotId"/>.
/// </summary>
public sealed record ShiftSlot(
    string PartnershipId,
    Guid? PatternId,
    DateOnly Date,
    LocalDateTime LocalStart,
    LocalDateTime LocalEnd,
    Instant Start,
    Instant End,
    int ResponsibleKommune,
    IReadOnlyList<Guid> AgentIds,
    int MinAgents,
    Guid? ExtraSlotId = null)
{
    public bool Contains(Instant t) => t >= Start && t < End;

    public bool Overlaps(ShiftSlot other) => Start < other.End && other.Start < End;

    /// <summary>The pattern's or the extra slot's id: what a swap or note on this slot refers to.</summary>
    public Guid? SourceId => PatternId ?? ExtraSlotId;
}
