namespace SharedHotline.Domain.Invitations;

/// <summary>What became of an invitation, as counted per kommune and hour. Each invitation is shown once and ends once.</summary>
public enum InvitationOutcome
{
    Shown,
    Accepted,
    Declined,
    Expired,
}
