namespace SharedHotline.Domain.Rota;

/// <summary>
/// The rules for a dated exception: its date lies between today and <see cref="MaxDaysAhead"/> days ahead,
/// it refers to a pattern that has a slot that day, an open-on-holiday falls on a holiday or closed day,
/// a swap hands over from an agent who is rostered that day, and an extra slot has valid times, a
/// member kommune and known agents. <paramref name="partnership"/> is the rota the exception goes into.
/// </summary>
public static class RotaExceptionRules
{
    public const int MaxDaysAhead = 731;
    public const int MaxNoteLength = 500;

    public static IReadOnlyList<RotaViolation> Check(RotaException exception, bool overnight, Partnership partnership, RotaDirectory directory, DateOnly today)
    {
        var v = new List<RotaViolation>();
        if (!Enum.IsDefined(exception.Kind))
        {
            return [new("kind", "Cancelled, ExtraSlot, Swap or OpenOnHoliday.")];
        }

        if (exception.Date < today || exception.Date > today.AddDays(MaxDaysAhead))
        {
            v.Add(new("date", $"A date from today ({today:yyyy-MM-dd}) to {MaxDaysAhead} days ahead.", RotaRuleCodes.DateOutOfRange));
            return v;
        }

        var others = partnership with { Exceptions = partnership.Exceptions.Where(x => x.Id != exception.Id).ToList() };
        var isExtra = exception.Kind == RotaExceptionKind.ExtraSlot;
        var isSwap = exception.Kind == RotaExceptionKind.Swap;
        if (!isExtra && (exception.Start is not null || exception.End is not null || exception.ResponsibleKommune is not null || exception.AgentIds.Count > 0))
        {
            v.Add(new("kind", "Start, end, responsibleKommune and agentIds are only for an extra slot."));
        }

        if (!isSwap && (exception.FromAgentId is not null || exception.ToAgentId is not null))
        {
            v.Add(new("kind", "fromAgentId and toAgentId are only for a swap."));
        }

        if (exception.Note is { } note && (note.Length > MaxNoteLength || note.Any(char.IsControl)))
        {
            v.Add(new("note", $"At most {MaxNoteLength} printable characters on one line."));
        }

        switch (exception.Kind)
        {
            case RotaExceptionKind.ExtraSlot:
                CheckExtraSlot(v, exception, overnight, partnership, directory);
                break;
            case RotaExceptionKind.Swap:
                CheckSwap(v, exception, others, directory);
                break;
            default:
                CheckPatternDay(v, exception, others);
                break;
        }

        return v;
    }

    private static void CheckExtraSlot(List<RotaViolation> v, RotaException x, bool overnight, Partnership partnership, RotaDirectory directory)
    {
        if (x.PatternId is not null)
        {
            v.Add(new("patternId", "An extra slot stands alone: leave patternId out."));
        }

        if (x.Start is not { } start)
        {
            v.Add(new("start", "The start time is required."));
        }

        if (x.End is not { } end)
        {
            v.Add(new("end", "The end time is required."));
        }
        else if (x.Start is { } s)
        {
            v.AddRange(RotaRules.CheckTimes(s, end, overnight));
        }

        if (x.ResponsibleKommune is not { } responsible)
        {
            v.Add(new("responsibleKommune", "The responsible kommune is required."));
        }
        else
        {
            RotaRules.CheckKommune(v, "responsibleKommune", responsible, partnership, directory);
        }

        RotaRules.CheckAgents(v, "agentIds", x.AgentIds, partnership, directory);
    }

    private static void CheckSwap(List<RotaViolation> v, RotaException x, Partnership others, RotaDirectory directory)
    {
        if (x.FromAgentId is not { } from)
        {
            v.Add(new("fromAgentId", "The agent handing over the slot is required."));
        }

        if (x.ToAgentId is not { } to)
        {
            v.Add(new("toAgentId", "The agent taking over the slot is required."));
        }
        else
        {
            RotaRules.CheckAgent(v, "toAgentId", to, others, directory);
        }

        if (x.FromAgentId is { } f && f == x.ToAgentId)
        {
            v.Add(new("toAgentId", "An agent cannot swap with themselves."));
        }

        var slots = new List<ShiftSlot>();
        RotaCalendar.AddSlotsOn(others, x.Date, NodaTime.DateTimeZone.Utc, slots);
        if (x.PatternId is { } id && slots.All(s => s.SourceId != id) && others.Patterns.All(p => p.Id != id) && others.Exceptions.All(e => e.Id != id))
        {
            v.Add(new("patternId", $"No pattern or extra slot {id}.", RotaRuleCodes.UnknownSlot));
        }
        else if (x.FromAgentId is { } agent && !slots.Any(s => (x.PatternId is null || s.SourceId == x.PatternId) && s.AgentIds.Contains(agent)))
        {
            v.Add(new("fromAgentId", $"Agent {agent} is not rostered on {(x.PatternId is null ? "any slot" : "that slot")} on {x.Date:yyyy-MM-dd}.", RotaRuleCodes.AgentNotRostered));
        }
    }

    private static void CheckPatternDay(List<RotaViolation> v, RotaException x, Partnership others)
    {
        if (x.PatternId is { } id && others.Patterns.All(p => p.Id != id))
        {
            v.Add(new("patternId", $"No pattern {id}.", RotaRuleCodes.UnknownSlot));
            return;
        }

        var patterns = others.Patterns.Where(p => x.PatternId is null || p.Id == x.PatternId).ToList();
        if (!patterns.Any(p => p.AppliesOn(x.Date)))
        {
            v.Add(new("date", $"{(x.PatternId is null ? "No pattern has" : "The pattern has no")} a slot on {x.Date:yyyy-MM-dd} ({x.Date.DayOfWeek}).", RotaRuleCodes.NoSlotOnDate));
        }

        if (x.Kind == RotaExceptionKind.OpenOnHoliday && RotaCalendar.HolidayName(x.Date) is null && !others.ClosedDays.Any(c => c.Matches(x.Date)))
        {
            v.Add(new("date", $"{x.Date:yyyy-MM-dd} is neither a public holiday nor a closed day of the partnership.", RotaRuleCodes.NotAClosedDay));
        }

        if (others.Exceptions.Any(e => e.Kind == x.Kind && e.Date == x.Date && e.PatternId == x.PatternId))
        {
            v.Add(new("date", $"The same {x.Kind} exception already exists for {x.Date:yyyy-MM-dd}.", RotaRuleCodes.ExceptionExists));
        }
    }
}
