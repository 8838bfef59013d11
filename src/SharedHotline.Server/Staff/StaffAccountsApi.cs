using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Administration;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Staff;

public sealed record StaffAccountView(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Skills, int Capacity, bool Disabled, DateTimeOffset? LockedUntil);

public sealed record StaffAccountCreate(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Skills, int Capacity = 3);

public sealed record StaffAccountChange(string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Skills, int Capacity);

public sealed record PasswordReset(string? Password);

/// <summary>
/// K's admin lists, creates and changes K's staff accounts: name, roles (agent, admin), capacity and topics (skills),
/// and sets a new password. Every change is audited; a changed account takes its new capacity and skills at its next
/// presence change, and a new password ends its sessions.
/// </summary>
public static partial class StaffAccountsApi
{
    public const int MinPasswordLength = 12;
    private static readonly string[] GrantableRoles = [StaffRoles.Agent, StaffRoles.Admin];

    public static IEndpointRouteBuilder MapStaffAccountsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/kommuner/{kommune}/staff").WithTags("Staff administration").RequireAuthorization(StaffPolicies.KommuneAdmin);
        staff.MapGet("/", ListAsync).WithSummary("This kommune's staff accounts (this kommune's admin).");
        staff.MapPost("/", CreateAsync).ProducesValidationProblem().WithSummary("Create a staff account of this kommune (this kommune's admin).");
        staff.MapPut("/{staffId:guid}", ChangeAsync).ProducesValidationProblem().WithSummary("Change a staff account's name, roles, capacity and topics (this kommune's admin).");
        staff.MapPost("/{staffId:guid}/password", ResetPasswordAsync).ProducesValidationProblem().WithSummary("Set a new password; the account's sessions end (this kommune's admin).");
        return app;
    }

    private static async Task<IResult> ListAsync(IKommuneContextAccessor tenant, HotlineDbContext db, CancellationToken ct)
    {
        var kode = tenant.Current!.Kommune.Kode;
        var accounts = await db.Staff.AsNoTracking().Where(s => s.HomeKommune == kode).ToListAsync(ct);
        return TypedResults.Ok(accounts.OrderBy(a => a.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), true)).Select(View).ToList());
    }

    private static async Task<IResult> CreateAsync(
        StaffAccountCreate request, IKommuneContextAccessor tenant, HotlineDbContext db, IPasswordHasher<StaffAccount> hasher, TimeProvider time, HttpContext http, ILogger<StaffAccountView> logger, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var errors = new Dictionary<string, string[]>();
        var userName = request.UserName?.Trim().ToLowerInvariant() ?? "";
        if (!UserNamePattern().IsMatch(userName))
        {
            errors["userName"] = ["Give a user name of 2 to 64 small letters, digits, dots, hyphens or underscores, e.g. mia.fureso."];
        }
        else if (await db.Staff.AnyAsync(s => s.UserName == userName, ct))
        {
            errors["userName"] = ["That user name is taken."];
        }

        var account = Check(errors, kommune, request.DisplayName, request.Roles, request.Skills, request.Capacity, http, null);
        CheckPassword(errors, request.Password);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var created = new StaffAccount { Id = Guid.CreateVersion7(time.GetUtcNow()), UserName = userName, DisplayName = account!.DisplayName, HomeKommune = kommune.Kode };
        Copy(account, created);
        created.PasswordHash = hasher.HashPassword(created, request.Password!);
        db.Staff.Add(created);
        await AuditAsync(db, kommune.Kode, http, time, "staff.created", userName, null, KommuneEditing.Json(View(created)), ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Staff {StaffId} created in kommune {Kommunekode} by {AdminId}", created.Id, kommune.Kode, http.User.StaffId());
        return TypedResults.Created($"/api/kommuner/{kommune.Slug}/staff/{created.Id}", View(created));
    }

    private static async Task<IResult> ChangeAsync(
        Guid staffId, StaffAccountChange request, IKommuneContextAccessor tenant, HotlineDbContext db, TimeProvider time, HttpContext http, ILogger<StaffAccountView> logger, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var account = await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId && s.HomeKommune == kommune.Kode, ct);
        if (account is null)
        {
            return NotFound(staffId);
        }

        var errors = new Dictionary<string, string[]>();
        var changed = Check(errors, kommune, request.DisplayName, request.Roles, request.Skills, request.Capacity, http, account);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var before = KommuneEditing.Json(View(account));
        account.DisplayName = changed!.DisplayName;
        Copy(changed, account);
        await AuditAsync(db, kommune.Kode, http, time, "staff.updated", account.UserName, before, KommuneEditing.Json(View(account)), ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Staff {StaffId} changed by {AdminId}: capacity {Capacity}, {SkillCount} topics", account.Id, http.User.StaffId(), account.Capacity, account.Skills.Count);
        return TypedResults.Ok(View(account));
    }

    private static async Task<IResult> ResetPasswordAsync(
        Guid staffId, PasswordReset request, IKommuneContextAccessor tenant, HotlineDbContext db, IPasswordHasher<StaffAccount> hasher, StaffSessions sessions, SignInThrottle throttle, TimeProvider time, HttpContext http, ILogger<StaffAccountView> logger, CancellationToken ct)
    {
        var kode = tenant.Current!.Kommune.Kode;
        var account = await db.Staff.FirstOrDefaultAsync(s => s.Id == staffId && s.HomeKommune == kode, ct);
        if (account is null)
        {
            return NotFound(staffId);
        }

        var errors = new Dictionary<string, string[]>();
        CheckPassword(errors, request.Password);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        account.PasswordHash = hasher.HashPassword(account, request.Password!);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        await AuditAsync(db, kode, http, time, "staff.password-reset", account.UserName, null, null, ct);
        await db.SaveChangesAsync(ct);
        throttle.Clear(staffId);
        await sessions.EndAllAsync(db, staffId, ct);
        logger.LogInformation("Staff {StaffId} given a new password by {AdminId}; their sessions ended", staffId, http.User.StaffId());
        return TypedResults.NoContent();
    }

    /// <summary>Writes one audit entry of kommune <paramref name="kode"/> at its current settings version (saved with the caller's change).</summary>
    public static async Task AuditAsync(HotlineDbContext db, int kode, HttpContext http, TimeProvider time, string action, string target, string? before, string? after, CancellationToken ct)
    {
        var version = await db.Kommuner.AsNoTracking().Where(k => k.Kode == kode).Select(k => k.Version).FirstAsync(ct);
        db.KommuneAudit.Add(KommuneEditing.Audit(kode, version, http, time.GetUtcNow(), action, target, before, after));
    }

    public static StaffAccountView View(StaffAccount a) => new(a.Id, a.UserName, a.DisplayName, a.Roles, a.Skills, a.Capacity, a.Disabled, a.LockedUntil);

    public static void CheckPassword(Dictionary<string, string[]> errors, string? password)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > 256)
        {
            errors["password"] = [$"Give a password of at least {MinPasswordLength} characters."];
        }
    }

    private static StaffAccount? Check(
        Dictionary<string, string[]> errors, Kommune kommune, string? displayName, IReadOnlyList<string>? roles, IReadOnlyList<string>? skills, int capacity, HttpContext http, StaffAccount? existing)
    {
        TextFields.Check(errors, "displayName", displayName, 200);
        var name = TextFields.Neutral(displayName);
        if (name is null)
        {
            errors.TryAdd("displayName", ["Give the name colleagues and citizens see."]);
        }

        var roleList = (roles ?? []).Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (roleList.Count == 0 || roleList.Any(r => !GrantableRoles.Contains(r)))
        {
            errors["roles"] = [$"Choose one or more of: {string.Join(", ", GrantableRoles)}."];
        }
        else if (existing is not null && existing.Id == http.User.StaffId() && !roleList.Contains(StaffRoles.Admin))
        {
            errors["roles"] = ["You cannot take away your own admin role; ask another admin of the kommune."];
        }

        var skillList = (skills ?? []).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        var unknown = skillList.Where(s => kommune.Settings.FindTopic(s) is null).ToList();
        if (unknown.Count > 0)
        {
            errors["skills"] = [$"Unknown topics {string.Join(", ", unknown)}; choose among: {string.Join(", ", kommune.Settings.Topics.Select(t => t.Code))}."];
        }

        if (capacity is < 1 or > 10)
        {
            errors["capacity"] = ["An agent takes 1 to 10 chats at once."];
        }

        // Roles the admin may not grant (coordinator of a partnership) stay as they were.
        var kept = existing?.Roles.Where(r => !GrantableRoles.Contains(r)) ?? [];
        return errors.Count > 0 ? null : new StaffAccount { UserName = "", DisplayName = name!, Roles = [.. roleList, .. kept], Skills = skillList, Capacity = capacity };
    }

    private static void Copy(StaffAccount from, StaffAccount to)
    {
        to.Roles = [.. from.Roles];
        to.Skills = [.. from.Skills];
        to.Capacity = from.Capacity;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(Guid staffId) =>
        TypedResults.Problem(
            title: "Unknown staff member",
            detail: $"This kommune has no staff member with the id {staffId}.",
            statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["code"] = "staff_not_found" });

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex UserNamePattern();
}
