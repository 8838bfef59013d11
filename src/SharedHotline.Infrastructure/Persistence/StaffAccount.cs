namespace SharedHotline.Infrastructure.Persistence;

public static class StaffRoles
{
    public const string Agent = "agent";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    /// <summary>An admin of the platform (the hosting kommune or partner): onboards kommuner into partnerships.</summary>
    public const string PlatformAdmin = "platform-admin";
}

/// <summary>A borgerservice employee who may sign in: agent, coordinator of partnerships, admin.</summary>
public sealed class StaffAccount
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public int HomeKommune { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<string> CoordinatorOf { get; set; } = [];
    public List<string> Skills { get; set; } = [];
    public int Capacity { get; set; } = 3;
    public string PasswordHash { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>A disabled account cannot sign in, and its open sessions end.</summary>
    public bool Disabled { get; set; }

    /// <summary>The generation of the agent's calendar feed address; a new address or a revocation moves it on.</summary>
    public int ShiftFeedVersion { get; set; }
}

/// <summary>
/// One sign-in of a staff member: the cookie or bearer token names it, and it is good until it is ended (logout,
/// disable) or <see cref="MaxAge"/> has passed since the sign-in.
/// </summary>
public sealed class StaffSessionRecord
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    public Guid Id { get; set; }
    public Guid StaffId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
