using System.Globalization;

namespace SharedHotline.Domain.Rota;

public enum RotationKind
{
    /// <summary>The turn advances every ISO week, counted from the week containing <see cref="Rotation.Anchor"/>.</summary>
    ByIsoWeek,

    /// <summary>Each turn names its weekday.</summary>
    ByWeekday,
}

/// <summary>Which kommune is responsible for a pattern's slot on a given date, and who is rostered.</summary>
public sealed record Rotation(RotationKind Kind, DateOnly Anchor, IReadOnlyList<RotationTurn> Turns)
{
    public RotationTurn? TurnOn(DateOnly date)
    {
        if (Turns.Count == 0)
        {
            return null;
        }

        if (Kind == RotationKind.ByWeekday)
        {
            return Turns.FirstOrDefault(t => t.Day == date.DayOfWeek);
        }

        var weeks = (MondayOf(date).DayNumber - MondayOf(Anchor).DayNumber) / 7;
        var index = ((weeks % Turns.Count) + Turns.Count) % Turns.Count;
        return Turns[index];
    }

    private static DateOnly MondayOf(DateOnly date) =>
        DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)), DayOfWeek.Monday));
}

/// <summary>One kommune's turn: it is responsible and the named agents are rostered.</summary>
public sealed record RotationTurn(int KommuneKode, IReadOnlyList<Guid> AgentIds, DayOfWeek? Day = null);
