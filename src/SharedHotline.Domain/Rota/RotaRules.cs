using System.Globalization;

namespace SharedHotline.Domain.Rota;

/// <summary>
/// The rules every rota edit must keep. Each check returns the violations named by the request's field
/// (empty when the edit is valid). Overnight slots are explicit: an end at or before the start is only
/// accepted when the caller says the slot runs past midnight.
/// </summary>
public static class RotaRules
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);
    public const int MaxMinAgents = 50;
    public const int MaxAgentsPerSlot = 50;

    public static IReadOnlyList<RotaViolation> CheckTimes(TimeOnly start, TimeOnly end, bool overnight, string endField = "end")
    {
        if (end == start)
        {
            return [new(endField, "The end must differ from the start.")];
        }

        if (!overnight && end < start)
        {
            return [new(endField, $"The end ({end:HH\\:mm}) is before the start ({start:HH\\:mm}); set overnight for a slot that runs past midnight.")];
        }

        return overnight && end > start
            ? [new(endField, "An overnight slot ends the next day, so its end must be before its start.")]
            : [];
    }

    public static IReadOnlyList<RotaViolation> CheckPattern(ShiftPattern pattern, bool overnight, Partnership partnership, RotaDirectory directory)
    {
        var violations = new List<RotaViolation>();
        if (pattern.Days.Count == 0 || pattern.Days.Distinct().Count() != pattern.Days.Count || pattern.Days.Any(d => !Enum.IsDefined(d)))
        {
            violations.Add(new("days", "Give one or more different weekdays."));
        }

        violations.AddRange(CheckTimes(pattern.Start, pattern.End, overnight));
        CheckDate(violations, "validFrom", pattern.ValidFrom);
        if (pattern.ValidTo is { } validTo)
        {
            CheckDate(violations, "validTo", validTo);
            if (validTo < pattern.ValidFrom)
            {
                violations.Add(new("validTo", "The last valid date is before the first."));
            }
        }

        if (pattern.MinAgents is < 1 or > MaxMinAgents)
        {
            violations.Add(new("minAgents", $"Between 1 and {MaxMinAgents} agents."));
        }

        violations.AddRange(CheckRotation(pattern, partnership, directory));
        if (violations.Count == 0 && PatternOverlap.FirstWithSameKommune(pattern, partnership.Patterns) is { } overlap)
        {
            violations.Add(new("start", OverlapMessage(overlap), RotaRuleCodes.PatternOverlap));
        }

        return violations;
    }

    /// <summary>One turn of <paramref name="pattern"/>'s rotation; field names are relative to the turn.</summary>
    public static IReadOnlyList<RotaViolation> CheckTurn(RotationTurn turn, ShiftPattern pattern, Partnership partnership, RotaDirectory directory, string prefix = "")
    {
        var violations = new List<RotaViolation>();
        CheckKommune(violations, prefix + "kommune", turn.KommuneKode, partnership, directory);
        CheckAgents(violations, prefix + "agentIds", turn.AgentIds, partnership, directory);
        if (pattern.Rotation.Kind == RotationKind.ByWeekday)
        {
            if (turn.Day is not { } day || !pattern.Days.Contains(day))
            {
                violations.Add(new(prefix + "day", $"A weekday rotation names one of the pattern's days ({string.Join(", ", pattern.Days)})."));
            }
        }
        else if (turn.Day is not null)
        {
            violations.Add(new(prefix + "day", "A day is only given in a weekday rotation."));
        }

        return violations;
    }

    public static string OverlapMessage(PatternOverlap.Finding overlap) =>
        string.Create(CultureInfo.InvariantCulture, $"Overlaps pattern {overlap.Other.Id} ({overlap.Other.Start:HH\\:mm}-{overlap.Other.End:HH\\:mm}) on {overlap.Date:yyyy-MM-dd}, where kommune {overlap.KommuneKode} is responsible for both.");

    internal static void CheckDate(List<RotaViolation> violations, string field, DateOnly date)
    {
        if (date < Earliest || date > Latest)
        {
            violations.Add(new(field, $"A date between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}."));
        }
    }

    internal static void CheckKommune(List<RotaViolation> violations, string field, int kode, Partnership partnership, RotaDirectory directory)
    {
        if (!directory.Kommuner.Contains(kode))
        {
            violations.Add(new(field, $"Unknown kommune {kode}."));
        }
        else if (!partnership.Includes(kode))
        {
            violations.Add(new(field, $"Kommune {kode} is not a member of the partnership."));
        }
    }

    /// <summary>
    /// Agents named in a slot must exist and belong to a member kommune: a slot gives its agents the members' citizens'
    /// chats the moment it is open, so rostering an outsider would hand them another kommune's citizens.
    /// </summary>
    internal static void CheckAgents(List<RotaViolation> violations, string field, IReadOnlyList<Guid> agents, Partnership partnership, RotaDirectory directory)
    {
        if (agents.Count > MaxAgentsPerSlot || agents.Distinct().Count() != agents.Count)
        {
            violations.Add(new(field, $"At most {MaxAgentsPerSlot} different agents."));
        }

        foreach (var agent in agents.Distinct())
        {
            CheckAgent(violations, field, agent, partnership, directory);
        }
    }

    internal static void CheckAgent(List<RotaViolation> violations, string field, Guid agent, Partnership partnership, RotaDirectory directory)
    {
        if (directory.HomeOf(agent) is not { } home)
        {
            violations.Add(new(field, $"Unknown agent {agent}."));
        }
        else if (!partnership.Includes(home))
        {
            violations.Add(new(field, $"Agent {agent} works for kommune {home}, which is not a member of the partnership."));
        }
    }

    private static List<RotaViolation> CheckRotation(ShiftPattern pattern, Partnership partnership, RotaDirectory directory)
    {
        var violations = new List<RotaViolation>();
        var rotation = pattern.Rotation;
        if (!Enum.IsDefined(rotation.Kind))
        {
            violations.Add(new("rotation.kind", "ByIsoWeek or ByWeekday."));
        }

        CheckDate(violations, "rotation.anchor", rotation.Anchor);
        if (rotation.Turns.Count == 0)
        {
            violations.Add(new("rotation.turns", "At least one turn: the responsible kommune and its agents."));
        }

        for (var i = 0; i < rotation.Turns.Count; i++)
        {
            violations.AddRange(CheckTurn(rotation.Turns[i], pattern, partnership, directory, $"rotation.turns[{i}]."));
        }

        if (rotation.Kind == RotationKind.ByWeekday && rotation.Turns.Where(t => t.Day is not null).GroupBy(t => t.Day).Any(g => g.Count() > 1))
        {
            violations.Add(new("rotation.turns", "Each weekday has at most one turn."));
        }

        return violations;
    }
}
