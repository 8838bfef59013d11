namespace SharedHotline.Domain.Invitations;

/// <summary>
/// The live capacity of the pool that would answer a kommune's new chat now: <see cref="Pool"/> names it (the kommune's
/// own staff, or the shared slot) so that every kommune answered by the same staff reserves against the same places;
/// <see cref="Free"/> is its free places less the chats already waiting for it.
/// </summary>
public sealed record InvitationCapacity(string Pool, int Places, int Waiting, TimeSpan? ExpectedWait)
{
    public int Free => Math.Max(0, Places - Waiting);
}
