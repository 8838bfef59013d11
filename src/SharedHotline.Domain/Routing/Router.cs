using NodaTime;
using SharedHotline.Domain.Rota;

namespace SharedHotline.Domain.Routing;

/// <summary>
/// The routing rules of the brief as plain functions:
/// 1. in the kommune's own hours its own available staff answer;
/// 2. otherwise (or when they are all busy, if the kommune lets the partnership answer in its own hours) the agents
///    rostered on a current shared slot of a partnership that includes the kommune answer, whatever their home kommune;
/// 3. a chat that waited past the overflow threshold may also go to the overflow kommune's open hotline;
/// choosing among candidates: topic skill, then least loaded, then longest idle.
/// </summary>
public static class Router
{
    /// <summary>Orders the queue: priority (returned) chats first, then the longest waiting.</summary>
    public static IEnumerable<QueuedChat> InServiceOrder(IEnumerable<QueuedChat> queue) =>
        queue.Order(ServiceOrder.Instance);

    /// <summary>Priority (returned) chats first, then the longest waiting, then arrival, then id.</summary>
    public sealed class ServiceOrder : IComparer<QueuedChat>
    {
        public static readonly ServiceOrder Instance = new();

        public int Compare(QueuedChat? x, QueuedChat? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var order = y.Priority.CompareTo(x.Priority);
            if (order == 0)
            {
                order = x.EnqueuedAt.CompareTo(y.EnqueuedAt);
            }

            if (order == 0)
            {
                order = x.Arrival.CompareTo(y.Arrival);
            }

            return order != 0 ? order : x.ChatId.CompareTo(y.ChatId);
        }
    }

    public static bool IsEligible(AgentPresence agent, QueuedChat chat, DutyStatus duty, DateTimeOffset now) =>
        Tier(agent.AgentId, agent.HomeKommune, chat, duty, now) is not null;

    /// <summary>May this agent (by id and home kommune) answer the chat right now? Status and load are not considered.</summary>
    public static int? Tier(Guid agentId, int homeKommune, QueuedChat chat, DutyStatus duty, DateTimeOffset now)
    {
        if (duty.OwnHoursOpen && homeKommune == chat.KommuneKode)
        {
            return 0;
        }

        var waited = now - chat.EnqueuedAt;
        if (duty.SharedStaffAfter is { } after && (after == TimeSpan.Zero || waited >= after) && IsRostered(agentId, duty))
        {
            return 1;
        }

        var overflow = duty.Overflow;
        for (var i = 0; i < overflow.Count; i++)
        {
            if (overflow[i].KommuneKode == homeKommune && waited >= overflow[i].After)
            {
                return 2;
            }
        }

        return null;
    }

    public static AgentPresence? ChooseAgent(QueuedChat chat, IEnumerable<AgentPresence> agents, DutyStatus duty, DateTimeOffset now)
    {
        AgentPresence? best = null;
        (int Tier, int Skill, int Load, DateTimeOffset Idle) bestKey = default;
        foreach (var agent in agents)
        {
            if (!agent.CanTakeChat || agent.AgentId == chat.ReturnedBy || Tier(agent.AgentId, agent.HomeKommune, chat, duty, now) is not { } tier)
            {
                continue;
            }

            var key = (tier, HasSkill(agent, chat.Topic) ? 0 : 1, agent.ActiveChats, agent.LastFreedAt);
            if (best is null || Compare(key, bestKey) < 0)
            {
                (best, bestKey) = (agent, key);
            }
        }

        return best;
    }

    /// <summary>
    /// Assigns as many queued chats as the free capacity allows, longest-waiting first. Only agents with
    /// free capacity are considered, and the walk stops when none is left, so a long queue behind busy
    /// agents costs little.
    /// </summary>
    public static IReadOnlyList<Assignment> Plan(IEnumerable<QueuedChat> queue, IEnumerable<AgentPresence> agents, RotaSnapshot rota, DateTimeOffset now)
    {
        var free = agents.Where(a => a.CanTakeChat).ToList();
        var assignments = new List<Assignment>();
        if (free.Count == 0)
        {
            return assignments;
        }

        // Per kommune: its duty now, and how long its chats must have waited before any of the agents free
        // at the start may take them (zero, an overflow threshold, or never). Agents only fill up during the
        // pass, so this can only let through chats that then find nobody, never skip one that would.
        var byKommune = new Dictionary<int, (DutyStatus Duty, TimeSpan Reachable)>();
        var instant = Instant.FromDateTimeOffset(now);
        foreach (var chat in InServiceOrderOnce(queue))
        {
            if (!byKommune.TryGetValue(chat.KommuneKode, out var kommune))
            {
                var duty = rota.DutyAt(chat.KommuneKode, instant);
                kommune = (duty, ShortestWaitForAnyOf(free, chat.KommuneKode, duty));
                byKommune[chat.KommuneKode] = kommune;
            }

            if ((kommune.Reachable > TimeSpan.Zero && now - chat.EnqueuedAt < kommune.Reachable) || ChooseAgent(chat, free, kommune.Duty, now) is not { } agent)
            {
                continue;
            }

            assignments.Add(new Assignment(chat.ChatId, agent.AgentId));
            var index = free.IndexOf(agent);
            var busier = agent with { ActiveChats = agent.ActiveChats + 1 };
            if (busier.CanTakeChat)
            {
                free[index] = busier;
            }
            else
            {
                free.RemoveAt(index);
                if (free.Count == 0)
                {
                    break;
                }
            }
        }

        return assignments;
    }

    /// <summary>The least time a chat of the kommune must have waited before one of the agents may take it (see <see cref="Tier"/>).</summary>
    private static TimeSpan ShortestWaitForAnyOf(List<AgentPresence> agents, int kommuneKode, DutyStatus duty)
    {
        var shortest = TimeSpan.MaxValue;
        foreach (var agent in agents)
        {
            if (duty.OwnHoursOpen && agent.HomeKommune == kommuneKode)
            {
                return TimeSpan.Zero;
            }

            if (duty.SharedStaffAfter is { } after && after < shortest && IsRostered(agent.AgentId, duty))
            {
                if (after == TimeSpan.Zero)
                {
                    return after;
                }

                shortest = after;
            }

            var overflow = duty.Overflow;
            for (var i = 0; i < overflow.Count; i++)
            {
                if (overflow[i].KommuneKode == agent.HomeKommune && overflow[i].After < shortest)
                {
                    shortest = overflow[i].After;
                }
            }
        }

        return shortest;
    }

    /// <summary>
    /// The live stores hand the queue over already in service order: checking that is one pass, where sorting
    /// 10,000 chats again was most of a dispatch pass when a single agent freed up.
    /// </summary>
    private static IEnumerable<QueuedChat> InServiceOrderOnce(IEnumerable<QueuedChat> queue)
    {
        if (queue is IReadOnlyList<QueuedChat> list)
        {
            var sorted = true;
            for (var i = 1; i < list.Count && sorted; i++)
            {
                sorted = ServiceOrder.Instance.Compare(list[i - 1], list[i]) <= 0;
            }

            if (sorted)
            {
                return list;
            }
        }

        return InServiceOrder(queue);
    }

    // Indexed loops over the lists: these run for every agent of every routing decision, where LINQ
    // closures and the boxed enumerators of foreach over IReadOnlyList were most of the allocations
    // (see docs/benchmarks.md).
    private static bool IsRostered(Guid agentId, DutyStatus duty)
    {
        var slots = duty.Slots;
        for (var i = 0; i < slots.Count; i++)
        {
            var rostered = slots[i].AgentIds;
            for (var j = 0; j < rostered.Count; j++)
            {
                if (rostered[j] == agentId)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasSkill(AgentPresence agent, string topic)
    {
        var skills = agent.Skills;
        for (var i = 0; i < skills.Count; i++)
        {
            if (string.Equals(skills[i], topic, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int Compare((int, int, int, DateTimeOffset) a, (int, int, int, DateTimeOffset) b) =>
        a.CompareTo(b);
}
