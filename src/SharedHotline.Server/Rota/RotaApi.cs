using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Rota;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Rota;

/// <summary>
/// The coordinator's rota API under <c>/api/partnerships/{partnershipId}</c> (coordinators of that
/// partnership and administrators), the agents' own shifts and their calendar feed.
/// </summary>
public static class RotaApi
{
    public const int MaxAuditEntries = 500;

    public static IEndpointRouteBuilder MapRotaApi(this IEndpointRouteBuilder app)
    {
        var partnership = app.MapGroup("/api/partnerships/{partnershipId}").WithTags("Rota").RequireAuthorization(StaffPolicies.Coordinator);
        partnership.MapGet("/rota", async (string partnershipId, RotaReading reading, HttpContext http, CancellationToken ct) =>
            await reading.ReadAsync(partnershipId, http, r => Results.Ok(new RotaDocument(r.Id, r.Version, r.UpdatedAt, r.Rota)), ct))
            .WithSummary("The whole rota document; its ETag goes in If-Match of every edit.");
        partnership.MapGet("/slots", GetSlots).WithSummary("The slots between two local dates (inclusive, default the next 14 days) with responsible kommune, agents and holiday flags.");
        partnership.MapGet("/conflicts", GetConflicts).WithSummary("Double-booked agents, unstaffed and understaffed slots, agents from outside the partnership (default the next 28 days).");
        partnership.MapGet("/audit", GetAudit).WithSummary("Who changed what and when, newest first, with the item before and after.");
        partnership.MapRotaCsvExport();
        partnership.MapPatterns().MapTurns().MapExceptions().MapRotaLookups().MapPartnershipSettings();
        app.MapStaffShifts();
        app.MapShiftFeed();
        return app;
    }

    private static async Task<IResult> GetSlots(string partnershipId, string? from, string? to, RotaReading reading, Statistics.StaffingReports staffing, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var (first, last, errors) = RotaDates.Range(from, to, RotaDates.Today(time), 14);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await reading.ReadAsync(partnershipId, http, async r =>
        {
            var directory = await StaffDirectory.LoadAsync(reading.Db, ct);
            var zone = RotaSnapshot.Copenhagen;
            var (checkedSlots, _) = await staffing.SlotsAsync(r.Rota, new Statistics.StatPeriod(first, last), Statistics.StaffingReports.DefaultWeeks, ct);
            var marks = checkedSlots.ToDictionary(c => (c.Slot.Start, c.Slot.SourceId), c => new StaffingMark(c.Staffing.Level, c.Staffing.Needed));
            return Results.Ok(RotaCalendar.SlotsBetween(r.Rota, first, last, zone)
                .Select(s => s.ToView(r.Rota, directory, zone) with { Staffing = marks.GetValueOrDefault((s.Start, s.SourceId)) })
                .ToList());
        }, ct);
    }

    private static async Task<IResult> GetConflicts(string partnershipId, string? from, string? to, RotaReading reading, Statistics.StaffingReports staffing, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var (first, last, errors) = RotaDates.Range(from, to, RotaDates.Today(time), 28);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await reading.ReadAsync(partnershipId, http, async r =>
        {
            var directory = await StaffDirectory.LoadAsync(reading.Db, ct);
            var all = await reading.Db.Partnerships.AsNoTracking().Select(p => p.Rota).ToListAsync(ct);
            var zone = RotaSnapshot.Copenhagen;
            var conflicts = RotaConflicts.Find(r.Rota, all, directory.Rules, first, last, zone);
            var views = conflicts.Select(c => new ConflictView(
                c.Kind,
                c.Date,
                c.Slot.ToRef(zone),
                c.AgentId is { } a ? new RotaAgent(a, directory.NameOf(a)) : null,
                c.Other?.ToRef(zone),
                Describe(c, directory))).ToList();

            // Slots with people on them but fewer than the last weeks' demand needs: the staffing check of the statistics.
            var (slots, _) = await staffing.SlotsAsync(r.Rota, new Statistics.StatPeriod(first, last), Statistics.StaffingReports.DefaultWeeks, ct);
            views.AddRange(slots.Where(s => s.Staffing.Level == "under" && s.Slot.AgentIds.Count > 0).Select(s => new ConflictView(
                RotaConflictKind.BelowForecast,
                s.Slot.Date,
                s.Slot.ToRef(zone),
                null,
                null,
                string.Create(CultureInfo.InvariantCulture, $"{s.Staffing.Rostered} agents are rostered on {s.Slot.LocalStart:yyyy-MM-dd HH:mm}-{s.Slot.LocalEnd:HH:mm}; the forecast needs {s.Staffing.Needed} for the service level."),
                s.Staffing.Needed)));
            return Results.Ok(views.OrderBy(v => v.Slot.Start).ToList());
        }, ct);
    }

    private static async Task<IResult> GetAudit(string partnershipId, int? take, RotaReading reading, HttpContext http, CancellationToken ct)
    {
        if (take is < 1 or > MaxAuditEntries)
        {
            return Problems.Validation("take", $"Between 1 and {MaxAuditEntries} entries.");
        }

        return await reading.ReadAsync(partnershipId, http, async _ =>
        {
            var entries = await reading.Db.RotaAudit.AsNoTracking()
                .Where(a => a.PartnershipId == partnershipId)
                .OrderByDescending(a => a.Version)
                .Take(take ?? 100)
                .ToListAsync(ct);
            return Results.Ok(entries.Select(a => new AuditEntryView(a.Id, a.Version, a.At, a.ChangedBy, a.ChangedByName, a.Action, a.Target, Json(a.Before), Json(a.After))).ToList());
        }, ct);
    }

    private static JsonElement? Json(string? value) => value is null ? null : JsonDocument.Parse(value).RootElement.Clone();

    private static string Describe(RotaConflict conflict, StaffDirectory directory)
    {
        var agent = conflict.AgentId is { } id ? directory.NameOf(id) : "";
        var when = string.Create(CultureInfo.InvariantCulture, $"{conflict.Slot.LocalStart:yyyy-MM-dd HH:mm}-{conflict.Slot.LocalEnd:HH:mm}");
        return conflict.Kind switch
        {
            RotaConflictKind.DoubleBooked => string.Create(CultureInfo.InvariantCulture, $"{agent} is rostered on {when} and on an overlapping slot of {conflict.Other!.PartnershipId} ({conflict.Other.LocalStart:yyyy-MM-dd HH:mm}-{conflict.Other.LocalEnd:HH:mm})."),
            RotaConflictKind.Unstaffed => $"Nobody is rostered on {when}.",
            RotaConflictKind.AgentOutsidePartnership => $"{agent} is rostered on {when} but their kommune is not in the partnership.",
            _ => string.Create(CultureInfo.InvariantCulture, $"{conflict.Slot.AgentIds.Count} of at least {conflict.Slot.MinAgents} agents are rostered on {when}."),
        };
    }
}
