using NodaTime;

namespace SharedHotline.Domain.Rota;

/// <summary>
/// Finds what a coordinator should fix in a partnership's rota between two local dates (inclusive):
/// agents on two overlapping slots (counting the slots of every partnership they are rostered in), slots
/// with nobody rostered, rostered agents whose kommune is not a partner, and slots below their minimum.
/// </summary>
public static class RotaConflicts
{
    public static IReadOnlyList<RotaConflict> Find(
        Partnership partnership,
        IEnumerable<Partnership> allPartnerships,
        RotaDirectory directory,
        DateOnly from,
        DateOnly to,
        DateTimeZone zone)
    {
        var own = RotaCalendar.SlotsBetween(partnership, from, to, zone);
        var conflicts = new List<RotaConflict>();
        foreach (var slot in own)
        {
            if (slot.AgentIds.Count == 0)
            {
                conflicts.Add(new RotaConflict(RotaConflictKind.Unstaffed, slot));
                continue;
            }

            if (slot.AgentIds.Count < slot.MinAgents)
            {
                conflicts.Add(new RotaConflict(RotaConflictKind.UnderStaffed, slot));
            }

            foreach (var agent in slot.AgentIds.Where(a => directory.HomeOf(a) is not { } home || !partnership.Includes(home)))
            {
                conflicts.Add(new RotaConflict(RotaConflictKind.AgentOutsidePartnership, slot, agent));
            }
        }

        conflicts.AddRange(DoubleBookings(partnership, own, allPartnerships, from, to, zone));
        return conflicts.OrderBy(c => c.Slot.Start).ThenBy(c => c.Kind).ToList();
    }

    private static IEnumerable<RotaConflict> DoubleBookings(
        Partnership partnership,
        IReadOnlyList<ShiftSlot> own,
        IEnumerable<Partnership> allPartnerships,
        DateOnly from,
        DateOnly to,
        DateTimeZone zone)
    {
        var rostered = own.SelectMany(s => s.AgentIds).ToHashSet();
        if (rostered.Count == 0)
        {
            yield break;
        }

        // Other partnerships' slots from the day before (overnight slots) to the day after the range.
        var others = allPartnerships
            .Where(p => p.Id != partnership.Id)
            .SelectMany(p => RotaCalendar.SlotsBetween(p, from.AddDays(-1), to.AddDays(1), zone))
            .Where(s => s.AgentIds.Any(rostered.Contains))
            .ToList();

        for (var i = 0; i < own.Count; i++)
        {
            var slot = own[i];
            foreach (var agent in slot.AgentIds)
            {
                // Within the partnership each overlapping pair is reported once, on the earlier slot in the list.
                for (var j = i + 1; j < own.Count; j++)
                {
                    if (own[j].AgentIds.Contains(agent) && slot.Overlaps(own[j]))
                    {
                        yield return new RotaConflict(RotaConflictKind.DoubleBooked, slot, agent, own[j]);
                    }
                }

                foreach (var other in others)
                {
                    if (other.AgentIds.Contains(agent) && slot.Overlaps(other))
                    {
                        yield return new RotaConflict(RotaConflictKind.DoubleBooked, slot, agent, other);
                    }
                }
            }
        }
    }
}
