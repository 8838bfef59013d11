using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Events;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Administration;

public sealed record NewKommuneAdmin(string? UserName, string? DisplayName, string? Password);

public sealed record NewKommune(int Kode, string? Slug, string? Name, string? NameGenitive, string? ReferencePrefix, string? PartnershipId, NewKommuneAdmin? Admin);

public sealed record OnboardedKommune(int Kode, string Slug, string Name, string ReferencePrefix, string? PartnershipId, Guid AdminId, string AdminUserName);

public sealed record PartnershipSummary(string Id, string Name, IReadOnlyList<int> Members);

/// <summary>
/// A platform admin onboards a kommune: the kommune with standard settings, its membership of a partnership (a rota
/// change, versioned and audited as the coordinator's are) and its own admin account, in one transaction; then every
/// node learns of it. The kommune's admin sets hours, website origins and the rest on the Administration page.
/// </summary>
public static partial class OnboardingApi
{
    /// <summary>The first segments of the platform's own pages, which a kommune's <c>/{slug}/chat</c> must not shadow.</summary>
    private static readonly string[] ReservedSlugs = ["api", "app", "hubs", "admin", "agent", "login", "coordinator", "statistik", "health", "openapi", "widget"];

    public static IEndpointRouteBuilder MapOnboardingApi(this IEndpointRouteBuilder app)
    {
        var platform = app.MapGroup("/api/platform").WithTags("Administration").RequireAuthorization(StaffPolicies.PlatformAdmin);
        platform.MapGet("/partnerships", async (HotlineDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.Partnerships.AsNoTracking().ToListAsync(ct)).Select(p => new PartnershipSummary(p.Id, p.Rota.Name, p.Rota.Members)).OrderBy(p => p.Name).ToList()))
            .WithSummary("The partnerships a kommune can be added to (platform admin).");
        platform.MapPost("/kommuner", OnboardAsync).ProducesValidationProblem().WithSummary("Add a kommune, its partnership membership and its admin account in one step (platform admin).");
        return app;
    }

    private static async Task<IResult> OnboardAsync(
        NewKommune request, HotlineDbContext db, IPasswordHasher<StaffAccount> hasher, RotaProvider rota, IPublishEndpoint bus, TimeProvider time, HttpContext http, ILogger<NewKommune> logger, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var existing = (await db.Kommuner.AsNoTracking().ToListAsync(ct)).Select(k => k.ToDomain()).ToList();
        if (request.Kode is < 100 or > 999)
        {
            errors["kode"] = ["Give the kommune's three-digit kommunekode, e.g. 173."];
        }
        else if (existing.Any(k => k.Kode == request.Kode))
        {
            errors["kode"] = ["A kommune with that kommunekode is already on the platform."];
        }

        var slug = request.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!SlugPattern().IsMatch(slug) || ReservedSlugs.Contains(slug))
        {
            errors["slug"] = ["Give the address name in small letters a-z, digits and hyphens, e.g. lyngby-taarbaek."];
        }
        else if (existing.Any(k => k.Slug == slug))
        {
            errors["slug"] = ["Another kommune has that address name."];
        }

        TextFields.Check(errors, "name", request.Name, 60);
        TextFields.Check(errors, "nameGenitive", request.NameGenitive, 60);
        var name = TextFields.Neutral(request.Name);
        if (name is null)
        {
            errors.TryAdd("name", ["Give the kommune's name, e.g. Lyngby-Taarbæk."]);
        }

        var prefix = string.IsNullOrWhiteSpace(request.ReferencePrefix) ? Kommune.DefaultPrefix(slug) : request.ReferencePrefix.Trim().ToUpperInvariant();
        if (!PrefixPattern().IsMatch(prefix))
        {
            errors["referencePrefix"] = ["Give three capital letters A-Z, e.g. LTK."];
        }
        else if (existing.Any(k => k.ReferencePrefix == prefix))
        {
            errors["referencePrefix"] = [$"{prefix} begins another kommune's references; give three other letters."];
        }

        PartnershipRecord? partnership = null;
        if (!string.IsNullOrWhiteSpace(request.PartnershipId) && (partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == request.PartnershipId, ct)) is null)
        {
            errors["partnershipId"] = ["No partnership has that id."];
        }

        var admin = request.Admin;
        var adminUser = admin?.UserName?.Trim().ToLowerInvariant() ?? "";
        if (!AdminUserPattern().IsMatch(adminUser))
        {
            errors["admin.userName"] = ["Give the admin's user name: small letters, digits, dots, hyphens, e.g. admin.lyngby."];
        }
        else if (await db.Staff.AnyAsync(s => s.UserName == adminUser, ct))
        {
            errors["admin.userName"] = ["That user name is taken."];
        }

        TextFields.Check(errors, "admin.displayName", admin?.DisplayName, 200);
        var adminName = TextFields.Neutral(admin?.DisplayName);
        if (adminName is null)
        {
            errors.TryAdd("admin.displayName", ["Give the admin's name."]);
        }

        var passwordErrors = new Dictionary<string, string[]>();
        StaffAccountsApi.CheckPassword(passwordErrors, admin?.Password);
        foreach (var (field, messages) in passwordErrors)
        {
            errors["admin." + field] = messages;
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var now = time.GetUtcNow();
        var settings = DatabaseSeeder.ToSettings(new KommuneSeed { Kode = request.Kode, Slug = slug, Name = name!, NameGenitive = TextFields.Neutral(request.NameGenitive) }) with { ReferencePrefix = prefix };
        var kommune = new KommuneRecord { Kode = request.Kode, Slug = slug, Name = name!, Settings = settings, Version = 1 };
        db.Kommuner.Add(kommune);
        var account = new StaffAccount { Id = Guid.CreateVersion7(now), UserName = adminUser, DisplayName = adminName!, HomeKommune = request.Kode, Roles = [StaffRoles.Admin] };
        account.PasswordHash = hasher.HashPassword(account, admin!.Password!);
        db.Staff.Add(account);
        db.KommuneAudit.Add(KommuneEditing.Audit(request.Kode, 1, http, now, "kommune.onboarded", slug, null,
            KommuneEditing.Json(new { request.Kode, slug, name, prefix, partnership = partnership?.Id, admin = adminUser })));
        if (partnership is not null)
        {
            partnership.Rota = partnership.Rota with { Members = [.. partnership.Rota.Members, request.Kode] };
            partnership.Version++;
            partnership.UpdatedAt = now;
            db.RotaAudit.Add(new RotaAuditRecord
            {
                Id = Guid.CreateVersion7(now),
                PartnershipId = partnership.Id,
                Version = partnership.Version,
                ChangedBy = http.User.StaffId(),
                ChangedByName = http.User.Identity?.Name ?? "",
                At = now,
                Action = "member.added",
                Target = slug,
                After = KommuneEditing.Json(new { request.Kode, slug, name }),
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another platform admin added the same kommune, slug or user name, or changed the partnership, just now.
            return Problems.Validation("kode", "The platform changed while this kommune was being added; look it up and try again.");
        }

        rota.Invalidate();
        await bus.Publish(new KommuneSettingsChanged(request.Kode, 1, http.User.StaffId(), now), ct);
        if (partnership is not null)
        {
            await bus.Publish(new RotaPublished(partnership.Id, partnership.Version, http.User.StaffId(), now), ct);
        }

        logger.LogInformation("Kommune {KommuneSlug} ({Kommunekode}) onboarded by {StaffId} into {PartnershipId}", slug, request.Kode, http.User.StaffId(), partnership?.Id);
        return TypedResults.Created($"/api/kommuner/{slug}/settings", new OnboardedKommune(request.Kode, slug, name!, prefix, partnership?.Id, account.Id, adminUser));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,40}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex AdminUserPattern();
}
