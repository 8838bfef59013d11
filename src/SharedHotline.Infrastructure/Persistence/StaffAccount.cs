namespace SharedHotline.Infrastructure.Persistence;

public static class StaffRoles
{
    public const string Agent = "agent";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";
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
}
