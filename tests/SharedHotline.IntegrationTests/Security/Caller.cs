namespace SharedHotline.IntegrationTests.Security;

/// <summary>Who calls, relative to "the chat": a Sorø citizen's chat on Tuesday 20:30 (Furesø's week on the shared rota).</summary>
public enum Caller
{
    Anonymous,
    CitizenOfChat,
    CitizenOfOtherChat,

    /// <summary>mia.fureso: rostered on the shared slot that answers Sorø now.</summary>
    RosteredAgent,

    /// <summary>sofie.soroe: the chat's own kommune, not on duty now.</summary>
    OffDutyAgentOfKommune,

    /// <summary>agent.odsherred: a kommune outside the partnership.</summary>
    NonPartnerAgent,

    /// <summary>koordinator: coordinator of the partnership Sorø is in (also an agent, of Holbæk, not rostered now).</summary>
    CoordinatorOfPartnership,

    /// <summary>koordinator.odsherred: coordinator of another partnership only.</summary>
    CoordinatorOfOtherPartnership,

    /// <summary>admin.soroe: admin whose home kommune is Sorø.</summary>
    AdminOfKommune,

    /// <summary>admin: the seeded admin, København's.</summary>
    AdminOfOtherKommune,
}

public static class Callers
{
    public static readonly Caller[] All = Enum.GetValues<Caller>();

    public static readonly Caller[] Citizens = [Caller.Anonymous, Caller.CitizenOfChat, Caller.CitizenOfOtherChat];

    public static readonly Caller[] StaffMembers = All.Except(Citizens).ToArray();

    public static readonly Caller[] Agents = [Caller.RosteredAgent, Caller.OffDutyAgentOfKommune, Caller.NonPartnerAgent, Caller.CoordinatorOfPartnership];

    /// <summary>The partnership's coordinator and the admin of a member kommune; København's admin (the overflow partner, not a member) is not one.</summary>
    public static readonly Caller[] RotaManagers = [Caller.CoordinatorOfPartnership, Caller.AdminOfKommune];

    public static string? UserName(Caller caller) => caller switch
    {
        Caller.RosteredAgent => "mia.fureso",
        Caller.OffDutyAgentOfKommune => "sofie.soroe",
        Caller.NonPartnerAgent => "agent.odsherred",
        Caller.CoordinatorOfPartnership => "koordinator",
        Caller.CoordinatorOfOtherPartnership => "koordinator.odsherred",
        Caller.AdminOfKommune => "admin.soroe",
        Caller.AdminOfOtherKommune => "admin",
        _ => null,
    };

    /// <summary>Anonymous and citizens get <paramref name="signInStatus"/>; the <paramref name="allowed"/> staff get <paramref name="status"/>; other staff 403.</summary>
    public static Dictionary<Caller, string> StaffOnly(string status, params Caller[] allowed) =>
        All.ToDictionary(c => c, c => Citizens.Contains(c) ? "401" : allowed.Contains(c) ? status : "403");

    /// <summary>A staff page: anonymous and citizens are sent to sign in (302), the <paramref name="allowed"/> staff get the page, other staff 403.</summary>
    public static Dictionary<Caller, string> StaffPage(params Caller[] allowed) =>
        All.ToDictionary(c => c, c => Citizens.Contains(c) ? "302" : allowed.Contains(c) ? "200" : "403");

    public static Dictionary<Caller, string> Everyone(string outcome) => All.ToDictionary(c => c, _ => outcome);

    public static Dictionary<Caller, string> Only(string outcome, string otherwise, params Caller[] callers) =>
        All.ToDictionary(c => c, c => callers.Contains(c) ? outcome : otherwise);
}
