namespace SharedHotline.Domain.Statistics;

/// <summary>How a rota slot's rostered agents compare with the forecast need.</summary>
public enum StaffingLevel
{
    Under,
    Well,
    Over,
}

/// <summary>The verdict the coordinator's calendar colours a slot by and the conflict list names under-staffed slots with.</summary>
public static class StaffingVerdict
{
    /// <summary>
    /// Under when fewer agents are rostered than needed; Over when at least max(1, ⌈25 % of the need⌉) more are
    /// rostered than needed; Well in between. An open slot needs at least one agent whatever the forecast, so a need of
    /// 0 counts as 1: nobody rostered is Under, one is Well, two are Over.
    /// </summary>
    public static StaffingLevel For(int rostered, int needed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rostered);
        ArgumentOutOfRangeException.ThrowIfNegative(needed);
        var need = Math.Max(1, needed);
        if (rostered < need)
        {
            return StaffingLevel.Under;
        }

        var margin = Math.Max(1, (int)Math.Ceiling(need * 0.25));
        return rostered >= need + margin ? StaffingLevel.Over : StaffingLevel.Well;
    }
}
