using System.Globalization;
using System.Text;
using SharedHotline.Domain.Rota;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Rota;

/// <summary>
/// A month of the partnership's rota as CSV for Excel: UTF-8 with BOM (so æ, ø and å survive), semicolons
/// between fields as Danish Excel expects, one row per slot, times in local time with their offset.
/// </summary>
public static class RotaCsvExport
{
    public const string Header = "date;start;end;responsible kommune;agents;notes";

    public static RouteGroupBuilder MapRotaCsvExport(this RouteGroupBuilder partnership)
    {
        partnership.MapGet("/rota/export.csv", Export)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("One month (month=YYYY-MM, default this month) as CSV: date, start, end, responsible kommune, agents, notes.");
        return partnership;
    }

    public static string ToCsv(IEnumerable<SlotView> slots)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var slot in slots)
        {
            csv.AppendJoin(';',
                Field(slot.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Field(slot.Start.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)),
                Field(slot.End.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)),
                Field(slot.Responsible.Name),
                Field(string.Join(", ", slot.Agents.Select(a => a.Name))),
                Field(string.Join(" | ", slot.Holiday is { } h ? slot.Notes.Prepend(h) : slot.Notes))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static async Task<IResult> Export(string partnershipId, string? month, RotaReading reading, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var (first, last, errors) = RotaDates.Month(month, RotaDates.Today(time));
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await reading.ReadAsync(partnershipId, http, async r =>
        {
            var directory = await StaffDirectory.LoadAsync(reading.Db, ct);
            var zone = RotaSnapshot.Copenhagen;
            var slots = RotaCalendar.SlotsBetween(r.Rota, first, last, zone).OrderBy(s => s.Start).Select(s => s.ToView(r.Rota, directory, zone));
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ToCsv(slots))).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"vagtplan-{partnershipId}-{first:yyyy-MM}.csv"));
        }, ct);
    }

    /// <summary>Quotes a field when needed, and defuses text Excel would run as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
