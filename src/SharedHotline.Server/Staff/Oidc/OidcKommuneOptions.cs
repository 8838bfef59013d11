namespace SharedHotline.Server.Staff.Oidc;

/// <summary>
/// One kommune's identity provider (Entra ID, AD FS or any OpenID Connect issuer), under <c>Hotline:Oidc:{slug}</c>.
/// Staff who sign in there belong to that kommune; their hotline roles come from <see cref="RoleClaim"/> through <see cref="Roles"/>.
/// </summary>
public sealed class OidcKommuneOptions
{
    public const string Section = "Hotline:Oidc";

    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c> or <c>https://adfs.kommune.dk/adfs</c>.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>The claim that carries the user's groups or app roles (Entra: <c>roles</c>; AD FS: often <c>role</c> or <c>groups</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Role claim value at the provider -> hotline role (<c>agent</c>, <c>coordinator</c>, <c>admin</c>). Unmapped values are ignored.</summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The stable user id claim (<c>sub</c>; Entra's <c>oid</c> is stable across apps too).</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>
    /// Optional: a claim that must name this kommune (its kommunekode or slug), for a provider shared by several kommuner.
    /// Users without it are refused.
    /// </summary>
    public string? KommuneClaim { get; set; }

    /// <summary>Optional: a claim naming the partnerships a coordinator coordinates (only partnerships this kommune is in count).</summary>
    public string? PartnershipClaim { get; set; }

    /// <summary>Partnerships every coordinator from this provider coordinates, when there is no <see cref="PartnershipClaim"/>.</summary>
    public List<string> CoordinatorOf { get; set; } = [];

    public List<string> Scopes { get; set; } = ["openid", "profile"];

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Only for a provider without a discovery document: its endpoints, used instead of <c>.well-known/openid-configuration</c>.</summary>
    public string? AuthorizationEndpoint { get; set; }

    public string? TokenEndpoint { get; set; }

    public bool IsComplete => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
