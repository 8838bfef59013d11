using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Staff;

public sealed record StaffAccountState(Guid Id, string UserName, string DisplayName, bool Disabled, DateTimeOffset? LockedUntil);

/// <summary>K's admin acts on K's own staff accounts: unlock after failed sign-ins, disable (ends every session), enable; each audited.</summary>
public static class StaffAdminApi
{
    public static IEndpointRouteBuilder MapStaffAdmin(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/kommuner/{kommune}/staff/{staffId:guid}").WithTags("Staff administration").RequireAuthorization(StaffPolicies.KommuneAdmin);
        staff.MapPost("/unlock", UnlockAsync).WithSummary("Lift a lock after failed sign-ins, for every address (this kommune's admin).");
        staff.MapPost("/disable", (Guid staffId, IKommuneContextAccessor tenant, HotlineDbContext db, StaffSessions sessions, TimeProvider time, HttpContext http, ILogger<StaffSessions> logger, CancellationToken ct) =>
            SetDisabledAsync(staffId, true, tenant, db, sessions, time, http, logger, ct)).WithSummary("Disable the account: it cannot sign in, and its open sessions end (this kommune's admin).");
        staff.MapPost("/enable", (Guid staffId, IKommuneContextAccessor tenant, HotlineDbContext db, StaffSessions sessions, TimeProvider time, HttpContext http, ILogger<StaffSessions> logger, CancellationToken ct) =>
            SetDisabledAsync(staffId, false, tenant, db, sessions, time, http, logger, ct)).WithSummary("Enable a disabled account again (this kommune's admin).");
        return app;
    }

    private static async Task<Results<Ok<StaffAccountState>, ProblemHttpResult>> UnlockAsync(
        Guid staffId, IKommuneContextAccessor tenant, HotlineDbContext db, SignInThrottle throttle, TimeProvider time, HttpContext http, ILogger<StaffSessions> logger, CancellationToken ct)
    {
        var kode = tenant.Current!.Kommune.Kode;
        var updated = await db.Staff.Where(s => s.Id == staffId && s.HomeKommune == kode)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LockedUntil, (DateTimeOffset?)null).SetProperty(s => s.FailedSignIns, 0), ct);
        if (updated == 0)
        {
            return NotFound(staffId);
        }

        throttle.Clear(staffId);
        await AuditAsync(db, kode, staffId, http, time, "staff.unlocked", ct);
        logger.LogInformation("Staff {StaffId} unlocked by their kommune's admin", staffId);
        return TypedResults.Ok(await StateAsync(db, staffId, ct));
    }

    private static async Task<Results<Ok<StaffAccountState>, ProblemHttpResult>> SetDisabledAsync(
        Guid staffId, bool disabled, IKommuneContextAccessor tenant, HotlineDbContext db, StaffSessions sessions, TimeProvider time, HttpContext http, ILogger<StaffSessions> logger, CancellationToken ct)
    {
        var kode = tenant.Current!.Kommune.Kode;
        var updated = await db.Staff.Where(s => s.Id == staffId && s.HomeKommune == kode)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Disabled, disabled), ct);
        if (updated == 0)
        {
            return NotFound(staffId);
        }

        await sessions.EndAllAsync(db, staffId, ct);
        await AuditAsync(db, kode, staffId, http, time, disabled ? "staff.disabled" : "staff.enabled", ct);
        logger.LogInformation("Staff {StaffId} {Change} by their kommune's admin", staffId, disabled ? "disabled" : "enabled");
        return TypedResults.Ok(await StateAsync(db, staffId, ct));
    }

    private static async Task AuditAsync(HotlineDbContext db, int kode, Guid staffId, HttpContext http, TimeProvider time, string action, CancellationToken ct)
    {
        var userName = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.UserName).FirstAsync(ct);
        await StaffAccountsApi.AuditAsync(db, kode, http, time, action, userName, null, null, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<StaffAccountState> StateAsync(HotlineDbContext db, Guid staffId, CancellationToken ct) =>
        await db.Staff.AsNoTracking().Where(s => s.Id == staffId)
            .Select(s => new StaffAccountState(s.Id, s.UserName, s.DisplayName, s.Disabled, s.LockedUntil)).FirstAsync(ct);

    private static ProblemHttpResult NotFound(Guid staffId) =>
        TypedResults.Problem(
            title: "Unknown staff member",
            detail: $"This kommune has no staff member with the id {staffId}.",
            statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["code"] = "staff_not_found" });
}
