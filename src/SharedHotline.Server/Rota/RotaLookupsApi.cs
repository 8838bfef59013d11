using SharedHotline.Domain.Rota;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Rota;

/// <summary>A day on which the partnership's slots do not take place unless opened explicitly: a public holiday or one of its closed days.</summary>
public sealed record ClosedDayView(DateOnly Date, string Name, TimeOnly? ClosedFrom, bool PublicHoliday);

/// <summary>An agent the partnership's rota may name: one whose home kommune is a partner.</summary>
public sealed record PartnerAgentView(Guid Id, string Name, RotaKommune Kommune);

/// <summary>What the coordinator's rota editor looks up besides the slots: holidays and closed days, and the agents to roster.</summary>
public static class RotaLookupsApi
{
    public static RouteGroupBuilder MapRotaLookups(this RouteGroupBuilder partnership)
    {
        partnership.MapGet("/closed-days", GetClosedDays).WithSummary("Public holidays and the partnership's closed days between two local dates (inclusive, default the next 14 days).");
        partnership.MapGet("/agents", GetAgents).WithSummary("The agents whose home kommune is a partner, by kommune and name.");
        return partnership;
    }

    private static async Task<IResult> GetClosedDays(string partnershipId, string? from, string? to, RotaReading reading, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var (first, last, errors) = RotaDates.Range(from, to, RotaDates.Today(time), 14);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await reading.ReadAsync(partnershipId, http, r =>
        {
            var days = new List<ClosedDayView>();
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                if (RotaCalendar.HolidayName(date) is { } holiday)
                {
                    days.Add(new ClosedDayView(date, holiday, null, true));
                }
                else if (r.Rota.ClosedDays.FirstOrDefault(c => c.Matches(date)) is { } closed)
                {
                    days.Add(new ClosedDayView(date, closed.Name, closed.ClosedFrom, false));
                }
            }

            return Results.Ok(days);
        }, ct);
    }

    private static async Task<IResult> GetAgents(string partnershipId, RotaReading reading, HttpContext http, CancellationToken ct) =>
        await reading.ReadAsync(partnershipId, http, async r =>
        {
            var directory = await StaffDirectory.LoadAsync(reading.Db, ct);
            var agents = directory.Rules.AgentHomes
                .Where(a => r.Rota.Includes(a.Value))
                .Select(a => new PartnerAgentView(a.Key, directory.NameOf(a.Key), directory.KommuneOf(a.Value)))
                .OrderBy(a => a.Kommune.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false))
                .ThenBy(a => a.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false))
                .ToList();
            return Results.Ok(agents);
        }, ct);
}
