using NodaTime;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Routing;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Positions and honest wait estimates for every waiting chat. Chats compete only with chats served by the
/// same pool (a kommune's own staff, or the same shared slot), so a position counts those ahead in that pool.
/// </summary>
public static class QueueSnapshot
{
    public static IReadOnlyDictionary<Guid, QueueStatus> Compute(
        IReadOnlyList<QueuedChat> queue, IReadOnlyList<AgentPresence> agents, RotaSnapshot rota, DateTimeOffset now, TimeSpan averageHandleTime)
    {
        var instant = Instant.FromDateTimeOffset(now);
        var duties = new Dictionary<int, DutyStatus>();
        var positions = new Dictionary<string, int>();
        var result = new Dictionary<Guid, QueueStatus>(queue.Count);
        foreach (var chat in Router.InServiceOrder(queue))
        {
            if (!duties.TryGetValue(chat.KommuneKode, out var duty))
            {
                duty = rota.DutyAt(chat.KommuneKode, instant);
                duties[chat.KommuneKode] = duty;
            }

            var pool = PoolKey(duty);
            var position = positions[pool] = positions.GetValueOrDefault(pool) + 1;
            var slots = agents.Where(a => a.Status == PresenceStatus.Available && Router.Tier(a.AgentId, a.HomeKommune, chat, duty, now) is not null).Sum(a => a.Capacity);
            var estimate = WaitEstimator.Estimate(position, slots, averageHandleTime);
            result[chat.ChatId] = new QueueStatus(chat.ChatId, position, queue.Count, estimate is { } e ? (int)Math.Ceiling(e.TotalSeconds) : null);
        }

        return result;
    }

    private static string PoolKey(DutyStatus duty) =>
        duty.OwnHoursOpen ? $"own:{duty.KommuneKode}" : string.Join('|', duty.Slots.Select(s => $"{s.PartnershipId}:{s.Start}"));
}
