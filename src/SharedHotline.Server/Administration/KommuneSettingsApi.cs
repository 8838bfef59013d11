using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Staff;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Administration;

public sealed record KommuneAuditView(DateTimeOffset At, string Action, string Target, int Version, Guid ChangedBy, string ChangedByName, string? Before, string? After);

/// <summary>
/// K's admin reads and changes K's settings (hours, website origins, colour, topics, canned answers, self-service
/// links, retention) and reads K's administration history. Only K's admin: the route's kommune must be their own.
/// </summary>
public static class KommuneSettingsApi
{
    public static IEndpointRouteBuilder MapKommuneSettingsApi(this IEndpointRouteBuilder app)
    {
        var kommune = app.MapGroup("/api/kommuner/{kommune}").WithTags("Administration").RequireAuthorization(StaffPolicies.KommuneAdmin);
        kommune.MapGet("/settings", GetAsync).WithSummary("This kommune's settings, with their version as ETag (this kommune's admin).");
        kommune.MapPut("/settings", PutAsync)
            .Accepts<KommuneSettingsDocument>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Replace this kommune's settings (If-Match required); live on every node at once (this kommune's admin).");
        kommune.MapGet("/audit", AuditAsync).WithSummary("Who changed which of this kommune's settings and staff accounts, and when, newest first (this kommune's admin).");
        return app;
    }

    private static async Task<IResult> GetAsync(IKommuneContextAccessor tenant, HotlineDbContext db, HttpContext http, CancellationToken ct)
    {
        var record = await db.Kommuner.AsNoTracking().FirstAsync(k => k.Kode == tenant.Current!.Kommune.Kode, ct);
        RotaETag.Set(http.Response, record.Version);
        return TypedResults.Ok(View(record));
    }

    private static async Task<IResult> PutAsync(KommuneSettingsDocument document, IKommuneContextAccessor tenant, KommuneEditing editing, HttpContext http, CancellationToken ct)
    {
        var (saved, problem) = await editing.ChangeAsync(tenant.Current!.Kommune.Kode, http, requireIfMatch: true, (current, errors) => KommuneSettingsValidation.Apply(current, document, errors), ct);
        if (problem is not null)
        {
            return problem;
        }

        RotaETag.Set(http.Response, saved!.Version);
        return TypedResults.Ok(View(saved));
    }

    private static async Task<IResult> AuditAsync(IKommuneContextAccessor tenant, HotlineDbContext db, CancellationToken ct)
    {
        var kode = tenant.Current!.Kommune.Kode;
        var entries = await db.KommuneAudit.AsNoTracking().Where(a => a.KommuneKode == kode).ToListAsync(ct);
        return TypedResults.Ok(entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(500)
            .Select(a => new KommuneAuditView(a.At, a.Action, a.Target, a.Version, a.ChangedBy, a.ChangedByName, a.Before, a.After)).ToList());
    }

    public static KommuneSettingsView View(KommuneRecord record) =>
        new(record.Slug, record.Name, record.Version, KommuneSettingsDocument.From(record.Settings));
}
