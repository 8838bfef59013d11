using NodaTime;
using SharedHotline.Domain.Rota;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Rota;

/// <summary>An agent's own shifts, in every partnership that rosters them.</summary>
public static class StaffShifts
{
    public static IEndpointRouteBuilder MapStaffShifts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/staff/me/shifts", GetMine)
            .WithTags("Rota")
            .RequireAuthorization(StaffPolicies.Agent)
            .WithSummary("The signed-in agent's shifts between two local dates (inclusive, default the next 14 days).");
        return app;
    }

    /// <summary>The agent's shifts from the current rota, in start order.</summary>
    public static async Task<IReadOnlyList<ShiftView>> ForAsync(Guid agentId, DateOnly from, DateOnly to, RotaProvider rota, HotlineDbContext db, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var directory = await StaffDirectory.LoadAsync(db, ct);
        var zone = snapshot.Zone;
        return snapshot.Partnerships
            .SelectMany(p => RotaCalendar.SlotsBetween(p, from, to, zone).Where(s => s.AgentIds.Contains(agentId)).Select(s => (Partnership: p, Slot: s)))
            .OrderBy(x => x.Slot.Start)
            .Select(x => new ShiftView(
                x.Partnership.Id,
                x.Partnership.Name,
                x.Slot.Date,
                x.Slot.Start.InZone(zone).ToDateTimeOffset(),
                x.Slot.End.InZone(zone).ToDateTimeOffset(),
                directory.KommuneOf(x.Slot.ResponsibleKommune),
                x.Slot.AgentIds.Select(a => new RotaAgent(a, directory.NameOf(a))).ToList(),
                SlotViews.NotesOf(x.Partnership, x.Slot, directory)))
            .ToList();
    }

    private static async Task<IResult> GetMine(string? from, string? to, HttpContext http, RotaProvider rota, HotlineDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (first, last, errors) = RotaDates.Range(from, to, RotaDates.Today(time), 14);
        return errors.Count > 0
            ? Problems.Validation(errors)
            : Results.Ok(await ForAsync(http.User.StaffId(), first, last, rota, db, ct));
    }
}
