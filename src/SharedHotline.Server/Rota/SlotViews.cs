using System.Globalization;
using NodaTime;
using SharedHotline.Domain.Rota;

namespace SharedHotline.Server.Rota;

/// <summary>Builds the views of expanded slots: names, holiday flags and the notes of the exceptions behind them.</summary>
public static class SlotViews
{
    public static SlotView ToView(this ShiftSlot slot, Partnership partnership, StaffDirectory directory, DateTimeZone zone) =>
        new(
            slot.Date,
            slot.Start.InZone(zone).ToDateTimeOffset(),
            slot.End.InZone(zone).ToDateTimeOffset(),
            slot.PatternId,
            slot.ExtraSlotId,
            directory.KommuneOf(slot.ResponsibleKommune),
            slot.AgentIds.Select(a => new RotaAgent(a, directory.NameOf(a))).ToList(),
            slot.MinAgents,
            HolidayOf(partnership, slot.Date),
            slot.PatternId is { } id && HolidayOf(partnership, slot.Date) is not null
                && partnership.Exceptions.Any(x => x.Kind == RotaExceptionKind.OpenOnHoliday && x.Date == slot.Date && (x.PatternId is null || x.PatternId == id)),
            NotesOf(partnership, slot, directory));

    public static SlotRef ToRef(this ShiftSlot slot, DateTimeZone zone) =>
        new(slot.PartnershipId, slot.PatternId, slot.ExtraSlotId, slot.Start.InZone(zone).ToDateTimeOffset(), slot.End.InZone(zone).ToDateTimeOffset(), slot.ResponsibleKommune);

    public static string? HolidayOf(Partnership partnership, DateOnly date) =>
        RotaCalendar.HolidayName(date) ?? partnership.ClosedDays.FirstOrDefault(c => c.Matches(date))?.Name;

    /// <summary>What the exceptions say about this slot: swaps (who covers whom), an explicit holiday opening, the extra slot's note.</summary>
    public static IReadOnlyList<string> NotesOf(Partnership partnership, ShiftSlot slot, StaffDirectory directory)
    {
        var notes = new List<string>();
        foreach (var x in partnership.Exceptions.Where(x => x.Date == slot.Date))
        {
            var applies = x.Kind == RotaExceptionKind.ExtraSlot ? x.Id == slot.ExtraSlotId : x.PatternId is null || x.PatternId == slot.SourceId;
            if (!applies)
            {
                continue;
            }

            var text = x.Kind switch
            {
                RotaExceptionKind.Swap when x is { FromAgentId: { } from, ToAgentId: { } to } && slot.AgentIds.Contains(to) =>
                    $"{directory.NameOf(to)} dækker for {directory.NameOf(from)}",
                RotaExceptionKind.OpenOnHoliday when slot.PatternId is not null => "Åben trods helligdag/lukkedag",
                RotaExceptionKind.ExtraSlot => "Ekstra vagt",
                _ => null,
            };
            if (text is not null)
            {
                notes.Add(x.Note is { Length: > 0 } note ? string.Create(CultureInfo.InvariantCulture, $"{text}: {note}") : text);
            }
        }

        return notes;
    }
}
