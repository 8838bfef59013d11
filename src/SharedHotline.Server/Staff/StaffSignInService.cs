using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Staff;

/// <summary>
/// Checks a local account's password. Five wrong ones from one address lock that address out of the account for 15
/// minutes (<see cref="SignInThrottle"/>); <see cref="AccountLockThreshold"/> wrong ones in a row from anywhere lock
/// the account itself (guessing spread over many addresses) until the time passes or the kommune's admin unlocks it.
/// Every guess is counted before the password is checked, atomically in the database, so parallel requests cannot
/// escape the count. An unknown user name costs the same hashing as a known one, so timing tells nothing.
/// </summary>
public sealed class StaffSignInService(
    HotlineDbContext db,
    IPasswordHasher<StaffAccount> hasher,
    SignInThrottle throttle,
    RotaProvider rota,
    TimeProvider time,
    ILogger<StaffSignInService> logger)
{
    public const int AccountLockThreshold = 20;
    public static readonly TimeSpan LockoutDuration = SignInThrottle.LockoutDuration;

    private static readonly StaffAccount Nobody = new() { UserName = "", DisplayName = "" };
    private static string? _dummyHash;

    public async Task<ClaimsPrincipal?> SignInAsync(string userName, string password, string authenticationType, string address, CancellationToken ct)
    {
        var normalized = userName.Trim().ToLowerInvariant();
        var account = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.UserName == normalized, ct);
        if (account is null || string.IsNullOrEmpty(account.PasswordHash))
        {
            hasher.VerifyHashedPassword(Nobody, _dummyHash ??= hasher.HashPassword(Nobody, "not-a-password"), password);
            if (account is null)
            {
                logger.LogInformation("Sign-in refused: unknown user name");
            }
            else
            {
                logger.LogInformation("Sign-in refused for staff {StaffId}: the account signs in with its kommune's identity provider", account.Id);
            }

            return null;
        }

        var now = time.GetUtcNow();
        if (account.LockedUntil > now)
        {
            logger.LogWarning("Sign-in refused for staff {StaffId}: locked until {LockedUntil}", account.Id, account.LockedUntil);
            return null;
        }

        if (!throttle.TryBegin(account.Id, address))
        {
            logger.LogWarning("Sign-in refused for staff {StaffId}: too many wrong passwords from this address", account.Id);
            return null;
        }

        var failures = await CountGuessAsync(account.Id, ct);
        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            logger.LogWarning("Sign-in failed for staff {StaffId}: wrong password ({Failures} in a row)", account.Id, failures);
            if (failures >= AccountLockThreshold)
            {
                await db.Staff.Where(s => s.Id == account.Id && s.FailedSignIns >= AccountLockThreshold)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LockedUntil, now + LockoutDuration).SetProperty(s => s.FailedSignIns, 0), ct);
                logger.LogWarning("Staff {StaffId} locked out after {Failures} failed sign-ins from any address", account.Id, failures);
            }

            return null;
        }

        throttle.Succeeded(account.Id, address);
        if (account.Disabled)
        {
            await db.Staff.Where(s => s.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.FailedSignIns, 0), ct);
            logger.LogWarning("Sign-in refused for staff {StaffId}: the account is disabled", account.Id);
            return null;
        }

        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(account, password) : account.PasswordHash;
        await db.Staff.Where(s => s.Id == account.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.FailedSignIns, 0)
            .SetProperty(s => s.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(s => s.PasswordHash, rehash), ct);
        var snapshot = await rota.GetAsync(ct);
        logger.LogInformation("Staff {StaffId} signed in", account.Id);
        var session = await StaffSessions.StartAsync(db, account.Id, now, ct);
        return StaffClaims.Create(account, snapshot.SlugOf(account.HomeKommune), authenticationType, session);
    }

    /// <summary>Counts one more guess at the account before the password is checked; returns the count.</summary>
    private async Task<int> CountGuessAsync(Guid accountId, CancellationToken ct)
    {
        await db.Staff.Where(s => s.Id == accountId).ExecuteUpdateAsync(u => u.SetProperty(s => s.FailedSignIns, s => s.FailedSignIns + 1), ct);
        return await db.Staff.AsNoTracking().Where(s => s.Id == accountId).Select(s => s.FailedSignIns).FirstAsync(ct);
    }
}
