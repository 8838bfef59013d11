using SharedHotline.Domain.Cases;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Cases;

/// <summary>
/// A case's events (booked, taken, call recorded, moved, closed, cancelled) go into the outbox with the change that
/// raised them, so they are published after it commits and never for a change that was refused.
/// </summary>
public static class CaseEvents
{
    public static void Stage(HotlineDbContext db, Case changed)
    {
        foreach (var e in changed.Events)
        {
            Outbox.Add(db, e);
        }
    }
}
