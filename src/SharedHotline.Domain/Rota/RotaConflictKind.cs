namespace SharedHotline.Domain.Rota;

public enum RotaConflictKind
{
    /// <summary>The agent is rostered on two slots that overlap in time (in any partnerships).</summary>
    DoubleBooked,

    /// <summary>Nobody is rostered on the slot.</summary>
    Unstaffed,

    /// <summary>The rostered agent's home kommune is not a member of the slot's partnership (or the agent is unknown).</summary>
    AgentOutsidePartnership,

    /// <summary>Fewer agents are rostered than the slot's minimum (but at least one).</summary>
    UnderStaffed,

    /// <summary>Fewer agents are rostered than the forecast demand needs for the partnership's service level (the statistics' staffing check).</summary>
    BelowForecast,
}
