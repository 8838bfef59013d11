using NodaTime;

namespace SharedHotline.Domain.Rota;

/// <summary>One concrete occurrence of a shared slot, resolved to instants.</summary>
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
    int MinAgents)
{
    public bool Contains(Instant t) => t >= Start && t < End;
}
