namespace SharedHotline.Server.Staff;

public static class StaffPolicies
{
    public const string Agent = "agent";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";
}
