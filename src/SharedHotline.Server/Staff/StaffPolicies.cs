namespace SharedHotline.Server.Staff;

/// <summary>The authorization policies; endpoints and hubs name these, never roles.</summary>
public static class StaffPolicies
{
    /// <summary>An agent (answers chats on the agent hub).</summary>
    public const string Agent = "agent";

    /// <summary>A coordinator (of the partnerships in their <c>partnership</c> claims) or an admin.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>An admin (onboards kommuner; acts for their home kommune in privacy matters).</summary>
    public const string Admin = "admin";

    /// <summary>Any signed-in staff member with a hotline role.</summary>
    public const string Staff = "staff";

    /// <summary>An admin whose home kommune is the <c>{kommune}</c> of the route: "K's admin", who acts as K's data controller.</summary>
    public const string KommuneAdmin = "kommune-admin";

    /// <summary>A platform admin: adds a kommune and its first admin account, and adds a kommune to a partnership.</summary>
    public const string PlatformAdmin = "platform-admin";
}
