using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Cases;

/// <summary>
/// Lets a citizen's status page follow its case live: with the reference and the link's secret (the same key as the
/// status page's), the connection joins the case's group and is told of every change.
/// </summary>
public sealed class CaseFollowing(HotlineDbContext db, RotaProvider rota)
{
    public async Task FollowAsync(string? kommuneSlug, string? reference, string? token, Func<string, Task> join, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var kommune = snapshot.Kommuner.FirstOrDefault(k => string.Equals(k.Slug, kommuneSlug, StringComparison.OrdinalIgnoreCase));
        var upper = reference is { Length: > 0 and <= 32 } ? reference.ToUpperInvariant() : "";
        var found = kommune is null || upper.Length == 0
            ? null
            : await db.Cases.AsNoTracking().Where(c => c.Reference == upper && c.KommuneKode == kommune.Kode).Select(c => new { c.Id, c.StatusTokenHash }).FirstOrDefaultAsync(ct);
        if (found is null || !CaseStatusTokens.Matches(token, found.StatusTokenHash))
        {
            throw new HotlineException(HotlineErrorCode.CaseNotFound, "No case has this reference and link. Check the link in your receipt.");
        }

        await join(CaseFanOut.CaseGroup(found.Id));
    }
}
