namespace SharedHotline.Domain.Rota;

/// <summary>
/// One problem in the rota for the coordinator to fix. <see cref="AgentId"/> names the agent for
/// <see cref="RotaConflictKind.DoubleBooked"/> and <see cref="RotaConflictKind.AgentOutsidePartnership"/>;
/// <see cref="Other"/> is the overlapping slot of a double booking, possibly of another partnership.
/// </summary>
public sealed record RotaConflict(RotaConflictKind Kind, ShiftSlot Slot, Guid? AgentId = null, ShiftSlot? Other = null)
{
    public DateOnly Date => Slot.Date;
}
