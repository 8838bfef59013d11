namespace SharedHotline.Infrastructure.Statistics;

/// <summary>
/// One kommune's invitations to chat in one UTC hour (with its Copenhagen day): shown, and how each ended. Sums that only
/// grow by increments, as the other buckets. A rebuild leaves them alone: invitations leave nothing else stored to
/// recompute them from.
/// </summary>
public sealed class StatInvitationRecord
{
    public int KommuneKode { get; set; }
    public DateTimeOffset HourStart { get; set; }
    public int LocalDay { get; set; }
    public int Shown { get; set; }
    public int Accepted { get; set; }
    public int Declined { get; set; }
    public int Expired { get; set; }
}

/// <summary>A kommune's invitation counts summed over a period (or a day: <see cref="LocalDay"/>).</summary>
public sealed record InvitationCounts(int KommuneKode, int LocalDay, int Shown, int Accepted, int Declined, int Expired)
{
    public static InvitationCounts None(int kommuneKode) => new(kommuneKode, 0, 0, 0, 0, 0);
}
