using NodaTime;

namespace SharedHotline.Domain.Rota;

/// <summary>Who answers a kommune's citizens at one instant.</summary>
public sealed record DutyStatus(
    int KommuneKode,
    Instant At,
    bool OwnHoursOpen,
    IReadOnlyList<ShiftSlot> Slots,
    IReadOnlyList<OverflowRule> Overflow)
{
    public OpeningMode Mode => OwnHoursOpen ? OpeningMode.Own : Slots.Count > 0 ? OpeningMode.Shared : OpeningMode.Closed;

    public bool IsOpen => Mode != OpeningMode.Closed;

    public int? ResponsibleKommune => Mode switch
    {
        OpeningMode.Own => KommuneKode,
        OpeningMode.Shared => Slots[0].ResponsibleKommune,
        _ => null,
    };

    /// <summary>In own hours, how long a chat waits before the rostered shared staff may answer it too; null: never (<see cref="Tenancy.KommuneSettings.SharedStaffInOwnHours"/>).</summary>
    public TimeSpan? SharedStaffInOwnHoursAfter { get; init; } = TimeSpan.Zero;

    /// <summary>How long a chat must have waited before the rostered shared staff may answer it now; null: they may not.</summary>
    public TimeSpan? SharedStaffAfter => Slots.Count == 0 ? null : OwnHoursOpen ? SharedStaffInOwnHoursAfter : TimeSpan.Zero;

    public IEnumerable<Guid> RosteredAgents => Slots.SelectMany(s => s.AgentIds).Distinct();
}
