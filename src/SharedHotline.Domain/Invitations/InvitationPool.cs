using NodaTime;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Routing;

namespace SharedHotline.Domain.Invitations;

/// <summary>
/// Who would answer a chat a kommune's citizen opened now, and how much room they have: the agents who may take a new
/// chat of the kommune at once (<see cref="Router.Tier"/> with no wait: own staff in own hours, the rostered slot), their
/// free places, and the chats already waiting that any of them may take. The pool is named as the queue names it
/// (own hours: the kommune; otherwise the slots), so kommuner sharing a slot share its places.
/// </summary>
public static class InvitationPool
{
    public static InvitationCapacity Of(int kommuneKode, RotaSnapshot rota, IReadOnlyList<AgentPresence> agents, IReadOnlyList<QueuedChat> queue, DateTimeOffset now, TimeSpan averageHandleTime)
    {
        ArgumentNullException.ThrowIfNull(rota);
        var instant = Instant.FromDateTimeOffset(now);
        var duty = rota.DutyAt(kommuneKode, instant);
        var pool = PoolKey(duty);
        if (!duty.IsOpen)
        {
            return new InvitationCapacity(pool, 0, 0, null);
        }

        var fresh = new QueuedChat(Guid.Empty, kommuneKode, "", now);
        var members = agents.Where(a => a.Status == PresenceStatus.Available && Router.Tier(a.AgentId, a.HomeKommune, fresh, duty, now) is not null).ToList();
        var places = members.Sum(a => Math.Max(0, a.Capacity - a.ActiveChats));
        var duties = new Dictionary<int, DutyStatus> { [kommuneKode] = duty };
        var waiting = 0;
        foreach (var chat in queue)
        {
            if (!duties.TryGetValue(chat.KommuneKode, out var theirs))
            {
                theirs = duties[chat.KommuneKode] = rota.DutyAt(chat.KommuneKode, instant);
            }

            if (members.Any(a => Router.Tier(a.AgentId, a.HomeKommune, chat, theirs, now) is not null))
            {
                waiting++;
            }
        }

        var position = waiting - places + 1;
        var wait = WaitEstimator.Estimate(position, members.Sum(a => a.Capacity), averageHandleTime);
        return new InvitationCapacity(pool, places, waiting, wait);
    }

    /// <summary>The same pool names as the queue's positions use.</summary>
    public static string PoolKey(DutyStatus duty) =>
        duty.OwnHoursOpen ? $"own:{duty.KommuneKode}" : duty.Slots.Count == 0 ? $"closed:{duty.KommuneKode}" : string.Join('|', duty.Slots.Select(s => $"{s.PartnershipId}:{s.Start}"));
}
