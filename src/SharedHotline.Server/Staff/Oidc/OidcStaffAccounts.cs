using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Staff.Oidc;

/// <summary>
/// Keeps a local staff account for each person who signs in through their kommune's identity provider (the hotline
/// needs an id, a capacity and skills for routing). The provider stays the source of truth: name, kommune and roles
/// are updated at every sign-in. Such an account has no password, so it cannot sign in locally.
/// </summary>
public sealed class OidcStaffAccounts(HotlineDbContext db, TimeProvider time, ILogger<OidcStaffAccounts> logger)
{
    public async Task<ClaimsPrincipal?> SignInAsync(OidcStaffIdentity identity, int kommuneKode, string kommuneSlug, CancellationToken ct)
    {
        var account = await db.Staff.FirstOrDefaultAsync(s => s.UserName == identity.UserName, ct);
        if (account is null)
        {
            account = new StaffAccount { Id = Guid.NewGuid(), UserName = identity.UserName, DisplayName = identity.DisplayName, PasswordHash = "" };
            db.Staff.Add(account);
            logger.LogInformation("Staff {StaffId} of kommune {Kommunekode} created at first sign-in with the kommune's identity provider", account.Id, kommuneKode);
        }

        account.DisplayName = identity.DisplayName;
        account.HomeKommune = kommuneKode;
        account.Roles = [.. identity.Roles];
        account.CoordinatorOf = [.. identity.CoordinatorOf];
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Staff {StaffId} signed in with the identity provider of kommune {Kommunekode}", account.Id, kommuneKode);
        if (account.Disabled)
        {
            logger.LogWarning("Sign-in refused for staff {StaffId}: the account is disabled", account.Id);
            return null;
        }

        var session = await StaffSessions.StartAsync(db, account.Id, time.GetUtcNow(), ct);
        return StaffClaims.Create(account, kommuneSlug, StaffAuthentication.Cookie, session);
    }
}
