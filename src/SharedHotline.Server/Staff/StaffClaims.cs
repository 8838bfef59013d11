using System.Globalization;
using System.Security.Claims;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Staff;

public static class StaffClaims
{
    public const string Kommune = "kommune";
    public const string Kommunekode = "kommunekode";
    public const string Partnership = "partnership";
    public const string Session = "sid";

    public static ClaimsPrincipal Create(StaffAccount account, string kommuneSlug, string authenticationType, Guid sessionId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.DisplayName),
            new("username", account.UserName),
            new(Kommune, kommuneSlug),
            new(Kommunekode, account.HomeKommune.ToString(CultureInfo.InvariantCulture)),
            new(Session, sessionId.ToString("N")),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(account.CoordinatorOf.Select(p => new Claim(Partnership, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static Guid StaffId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParseExact(user.FindFirstValue(Session), "N", out var id) ? id : null;

    public static int HomeKommune(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Kommunekode), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kode) ? kode : 0;
}
