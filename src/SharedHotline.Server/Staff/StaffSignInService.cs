using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Staff;

/// <summary>Checks a local account's password, counting failures: five in a row lock the account for 15 minutes.</summary>
public sealed class StaffSignInService(
    HotlineDbContext db,
    IPasswordHasher<StaffAccount> hasher,
    RotaProvider rota,
    TimeProvider time,
    ILogger<StaffSignInService> logger)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<ClaimsPrincipal?> SignInAsync(string userName, string password, string authenticationType, CancellationToken ct)
    {
        var normalized = userName.Trim().ToLowerInvariant();
        var account = await db.Staff.FirstOrDefaultAsync(s => s.UserName == normalized, ct);
        if (account is null)
        {
            logger.LogInformation("Sign-in refused: unknown user name");
            return null;
        }

        if (string.IsNullOrEmpty(account.PasswordHash))
        {
            logger.LogInformation("Sign-in refused for staff {StaffId}: the account signs in with its kommune's identity provider", account.Id);
            return null;
        }

        var now = time.GetUtcNow();
        if (account.LockedUntil > now)
        {
            logger.LogWarning("Sign-in refused for staff {StaffId}: locked until {LockedUntil}", account.Id, account.LockedUntil);
            return null;
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            if (account.FailedSignIns >= MaxFailures)
            {
                account.LockedUntil = now + LockoutDuration;
                account.FailedSignIns = 0;
                logger.LogWarning("Staff {StaffId} locked out after {MaxFailures} failed sign-ins", account.Id, MaxFailures);
            }

            await db.SaveChangesAsync(ct);
            return null;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password);
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        var snapshot = await rota.GetAsync(ct);
        logger.LogInformation("Staff {StaffId} signed in", account.Id);
        return StaffClaims.Create(account, snapshot.SlugOf(account.HomeKommune), authenticationType);
    }
}
