using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Staff;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Privacy;

public sealed record PrivacyAuditView(DateTimeOffset At, string Action, string Reason, Guid? ChatId, string? ChatReference, int ItemsDeleted, Guid? ActorId, string? ActorName);

/// <summary>Kommune K's admin deletes one of K's chats on the citizen's request and reads K's deletion audit.</summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var kommune = app.MapGroup("/api/kommuner/{kommune}").WithTags("Privacy").RequireAuthorization(StaffPolicies.KommuneAdmin);
        kommune.MapDelete("/chats/{chat}", DeleteAsync)
            .WithSummary("Delete a chat of this kommune (by id or reference, e.g. SOR-4K7Q2M) from every store, on the citizen's request (this kommune's admin).");
        kommune.MapGet("/privacy-audit", AuditAsync).WithSummary("Deletions of this kommune's citizens' data, newest first (this kommune's admin).");
        return app;
    }

    private static async Task<IResult> DeleteAsync(string chat, ClaimsPrincipal user, IKommuneContextAccessor tenant, HotlineDbContext db, ChatDeletion deletion, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var reference = chat.ToUpperInvariant();
        var record = chat.Length > 64 ? null
            : Guid.TryParse(chat, out var id)
                ? await db.Chats.FirstOrDefaultAsync(c => c.Id == id && c.KommuneKode == kommune.Kode, ct)
                : await db.Chats.FirstOrDefaultAsync(c => c.Reference == reference && c.KommuneKode == kommune.Kode, ct);
        if (record is null)
        {
            return Problems.From(new HotlineException(HotlineErrorCode.ChatNotFound, $"{kommune.Name} Kommune has no chat '{(chat.Length > 64 ? chat[..64] : chat)}'."));
        }

        await deletion.DeleteAsync(record, ChatDeletion.OnRequest, user.StaffId(), user.Identity?.Name, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> AuditAsync(IKommuneContextAccessor tenant, HotlineDbContext db, CancellationToken ct)
    {
        var kode = tenant.Current!.Kommune.Kode;
        var entries = await db.PrivacyAudit.AsNoTracking().Where(a => a.KommuneKode == kode).ToListAsync(ct);
        return TypedResults.Ok(entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new PrivacyAuditView(a.At, a.Action, a.Reason, a.ChatId, a.ChatReference, a.ItemsDeleted, a.ActorId, a.ActorName)).ToList());
    }
}
