using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Privacy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Staff;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Privacy;

/// <summary>A call-back request as the kommune's admin sees it when a citizen asks what is kept about them.</summary>
public sealed record CallbackPrivacyView(
    Guid Id,
    string Reference,
    string Topic,
    DateTimeOffset CreatedAt,
    string? Name,
    string? Phone,
    string? PreferredTime,
    string? Message,
    bool ContainsCpr);

/// <summary>
/// Kommune K's admin finds K's call-back requests of one citizen (by phone number, reference or name) and deletes
/// one on the citizen's request; each deletion is written to K's privacy audit. <see cref="CallbackPrivacyView.ContainsCpr"/>
/// flags a request whose free text holds a CPR number, which citizens are asked not to write.
/// </summary>
public static class CallbackPrivacyApi
{
    public const string Deleted = "callback-deleted";

    public static IEndpointRouteBuilder MapCallbackPrivacyApi(this IEndpointRouteBuilder app)
    {
        var kommune = app.MapGroup("/api/kommuner/{kommune}").WithTags("Privacy").RequireAuthorization(StaffPolicies.KommuneAdmin);
        kommune.MapGet("/privacy/callbacks", FindAsync)
            .WithSummary("This kommune's call-back requests with the given phone number, reference or name, newest first (this kommune's admin).");
        kommune.MapDelete("/callbacks/{callback}", DeleteAsync)
            .WithSummary("Delete a call-back request of this kommune (by id or reference) on the citizen's request (this kommune's admin).");
        return app;
    }

    private static async Task<Results<Ok<List<CallbackPrivacyView>>, ProblemHttpResult, ValidationProblem>> FindAsync(
        string? phone, string? reference, string? name, IKommuneContextAccessor tenant, HotlineDbContext db, CancellationToken ct)
    {
        var number = phone?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(number) && string.IsNullOrWhiteSpace(reference) && string.IsNullOrWhiteSpace(name))
        {
            return Problems.TypedValidation(new Dictionary<string, string[]> { ["phone"] = ["Give the citizen's phone number, a reference or a name."] });
        }

        var kode = tenant.Current!.Kommune.Kode;
        var query = db.Cases.AsNoTracking().Where(c => c.KommuneKode == kode);
        if (!string.IsNullOrEmpty(number))
        {
            var national = number.StartsWith("+45", StringComparison.Ordinal) ? number[3..] : number;
            query = query.Where(c => c.Phone == national || c.Phone == "+45" + national);
        }

        if (!string.IsNullOrWhiteSpace(reference))
        {
            var upper = reference.Trim().ToUpperInvariant();
            query = query.Where(c => c.Reference == upper);
        }

        var found = await query.ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(name))
        {
            found = found.Where(c => c.Name is not null && c.Name.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        }

        return TypedResults.Ok(found.OrderByDescending(c => c.CreatedAt).Select(View).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string callback, ClaimsPrincipal user, IKommuneContextAccessor tenant, HotlineDbContext db, ChatDeletion deletion, TimeProvider time,
        ILogger<CallbackPrivacyView> logger, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var reference = callback.ToUpperInvariant();
        var record = callback.Length > 64 ? null
            : Guid.TryParse(callback, out var id)
                ? await db.Cases.FirstOrDefaultAsync(c => c.Id == id && c.KommuneKode == kommune.Kode, ct)
                : await db.Cases.FirstOrDefaultAsync(c => c.Reference == reference && c.KommuneKode == kommune.Kode, ct);
        if (record is null)
        {
            return TypedResults.Problem(
                title: "Unknown call-back request",
                detail: $"{kommune.Name} Kommune has no call-back request '{(callback.Length > 64 ? callback[..64] : callback)}'.",
                statusCode: StatusCodes.Status404NotFound,
                type: "https://sharedhotline.dk/problems/callback-not-found",
                extensions: new Dictionary<string, object?> { ["code"] = "callback_not_found" });
        }

        var now = time.GetUtcNow();
        db.Cases.Remove(record);
        db.PrivacyAudit.Add(new PrivacyAuditRecord
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            KommuneKode = kommune.Kode,
            Action = Deleted,
            Reason = ChatDeletion.OnRequest,
            ChatReference = record.Reference,
            ItemsDeleted = 1,
            ActorId = user.StaffId(),
            ActorName = user.Identity?.Name,
        });
        await db.SaveChangesAsync(ct);
        await deletion.ScrubAsync(ct);
        logger.LogInformation("Call-back request {CallbackId} of kommune {Kommunekode} deleted on the citizen's request", record.Id, kommune.Kode);
        return TypedResults.NoContent();
    }

    private static CallbackPrivacyView View(CaseRecord c) => new(
        c.Id, c.Reference, c.Topic, c.CreatedAt, c.Name, c.Phone, c.PreferredTime, c.Message,
        CprNumbers.Contains(c.Message) || CprNumbers.Contains(c.Name) || CprNumbers.Contains(c.PreferredTime));
}
