using NodaTime;
using SharedHotline.Domain.Rota;

namespace SharedHotline.Domain.Routing;

/// <summary>
/// The routing rules of the brief as plain functions:
/// 1. in the kommune's own hours its own available staff answer;
/// 2. otherwise (or when they are all busy) the agents rostered on a current shared slot of a partnership
///    that includes the kommune answer, whatever their home kommune;
/// 3. a chat that waited past the overflow threshold may also go to the overflow kommune's open hotline;
/// choosing among candidates: topic skill, then least loaded, then longest idle.
/// </summary>
public static class Router
{
    /// <summary>Orders the queue: priority (returned) chats first, then the longest waiting.</summary>
    public static IEnumerable<QueuedChat> InServiceOrder(IEnumerable<QueuedChat> queue) =>
        queue.OrderByDescending(q => q.Priority).ThenBy(q => q.EnqueuedAt).ThenBy(q => q.Arrival).ThenBy(q => q.ChatId);

    public static bool IsEligible(AgentPresence agent, QueuedChat chat, DutyStatus duty, DateTimeOffset now) =>
        Tier(agent.AgentId, agent.HomeKommune, chat, duty, now) is not null;

    /// <summary>May this agent (by id and home kommune) answer the chat right now? Status and load are not considered.</summary>
    public static int? Tier(Guid agentId, int homeKommune, QueuedChat chat, DutyStatus duty, DateTimeOffset now)
    {
        if (duty.OwnHoursOpen && homeKommune == chat.KommuneKode)
        {
            return 0;
        }

        if (IsRostered(agentId, duty))
        {
            return 1;
        }

        var waited = now - chat.EnqueuedAt;
        if (duty.Overflow.Any(o => o.KommuneKode == homeKommune && waited >= o.After))
        {
            return 2;
        }

        return null;
    }

    public static AgentPresence? ChooseAgent(QueuedChat chat, IEnumerable<AgentPresence> agents, DutyStatus duty, DateTimeOffset now)
    {
        AgentPresence? best = null;
        (int Tier, int Skill, int Load, DateTimeOffset Idle) bestKey = default;
        foreach (var agent in agents)
        {
            if (!agent.CanTakeChat || Tier(agent.AgentId, agent.HomeKommune, chat, duty, now) is not { } tier)
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

        var dutyByKommune = new Dictionary<int, DutyStatus>();
        var instant = Instant.FromDateTimeOffset(now);
        foreach (var chat in InServiceOrder(queue))
        {
            if (!dutyByKommune.TryGetValue(chat.KommuneKode, out var duty))
            {
                duty = rota.DutyAt(chat.KommuneKode, instant);
                dutyByKommune[chat.KommuneKode] = duty;
            }

            if (ChooseAgent(chat, free, duty, now) is not { } agent)
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

    // Plain loops: these run for every agent of every routing decision, where LINQ closures and boxed
    // enumerators were most of the allocations (see docs/benchmarks.md).
    private static bool IsRostered(Guid agentId, DutyStatus duty)
    {
        foreach (var slot in duty.Slots)
        {
            foreach (var rostered in slot.AgentIds)
            {
                if (rostered == agentId)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasSkill(AgentPresence agent, string topic)
    {
        foreach (var skill in agent.Skills)
        {
            if (string.Equals(skill, topic, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int Compare((int, int, int, DateTimeOffset) a, (int, int, int, DateTimeOffset) b) =>
        a.CompareTo(b);
}
