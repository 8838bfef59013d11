using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Staff.Oidc;

/// <summary>Who a staff member is at the hotline, as read from their kommune's identity provider.</summary>
public sealed record OidcStaffIdentity(string Subject, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> CoordinatorOf);

/// <summary>The mapped identity, or why the sign-in is refused.</summary>
public sealed record OidcMapping(OidcStaffIdentity? Identity, string? Refusal)
{
    public static OidcMapping Refuse(string why) => new(null, why);
}

/// <summary>
/// Maps the claims of a kommune's identity provider to a hotline staff identity: the kommune is the provider's
/// (optionally confirmed by a claim), the roles come from the role claim through the configured map, and a coordinator
/// coordinates only partnerships the kommune is in. Pure: no I/O.
/// </summary>
public static class OidcClaimsMapper
{
    private static readonly string[] KnownRoles = [StaffRoles.Agent, StaffRoles.Coordinator, StaffRoles.Admin];

    public static OidcMapping Map(IEnumerable<Claim> claims, OidcKommuneOptions options, int kommuneKode, string kommuneSlug, IReadOnlyCollection<string> kommunePartnerships)
    {
        var all = claims.ToList();
        string? First(string type) => all.FirstOrDefault(c => c.Type == type && !string.IsNullOrWhiteSpace(c.Value))?.Value.Trim();
        IEnumerable<string> Values(string type) => all.Where(c => c.Type == type).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var subject = First(options.SubjectClaim);
        if (subject is null)
        {
            return OidcMapping.Refuse($"The identity provider sent no '{options.SubjectClaim}' claim.");
        }

        if (options.KommuneClaim is { Length: > 0 } kommuneClaim
            && !Values(kommuneClaim).Any(v => v == kommuneKode.ToString(System.Globalization.CultureInfo.InvariantCulture) || string.Equals(v, kommuneSlug, StringComparison.OrdinalIgnoreCase)))
        {
            return OidcMapping.Refuse($"The '{kommuneClaim}' claim does not name kommune {kommuneSlug}.");
        }

        var roles = Values(options.RoleClaim)
            .Select(v => options.Roles.TryGetValue(v, out var role) ? role.Trim().ToLowerInvariant() : null)
            .Where(r => r is not null && KnownRoles.Contains(r))
            .Select(r => r!)
            .Distinct()
            .ToList();
        var partnerships = (options.PartnershipClaim is { Length: > 0 } partnershipClaim ? Values(partnershipClaim) : options.CoordinatorOf)
            .Where(p => kommunePartnerships.Contains(p, StringComparer.Ordinal))
            .Distinct()
            .ToList();
        if (partnerships.Count == 0)
        {
            roles.Remove(StaffRoles.Coordinator);
        }

        if (roles.Count == 0)
        {
            return OidcMapping.Refuse("The user has no hotline role (agent, coordinator or admin) at the identity provider.");
        }

        var fullName = string.Join(' ', new[] { First("given_name"), First("family_name") }.Where(n => n is not null));
        var name = First("name") ?? (fullName.Length > 0 ? fullName : null);
        var displayName = Clean(name ?? First("preferred_username") ?? First("email") ?? subject, 200);
        return new OidcMapping(new OidcStaffIdentity(subject, UserNameFor(kommuneSlug, subject), displayName, roles, roles.Contains(StaffRoles.Coordinator) ? partnerships : []), null);
    }

    /// <summary>The local user name of an external account: <c>{slug}:{subject}</c>, the subject hashed when long.</summary>
    public static string UserNameFor(string kommuneSlug, string subject)
    {
        var id = subject.Length <= 100 && subject.All(c => c > ' ' && c < 127)
            ? subject
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)));
        return $"{kommuneSlug}:{id}".ToLowerInvariant();
    }

    private static string Clean(string value, int max)
    {
        var text = new string(value.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim();
        return text.Length > max ? text[..max] : text;
    }
}
