using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SharedHotline.Server.Rota;

/// <summary>What a calendar feed token names: the agent and the generation of the address.</summary>
public readonly record struct ShiftFeedToken(Guid StaffId, int Version);

/// <summary>
/// The secret in an agent's calendar feed URL: the staff id and the address's generation, encrypted and signed with
/// the server's data-protection keys (calendar programs such as Outlook cannot send a bearer token). An agent who
/// makes a new address, or revokes it, moves the generation on and every earlier address stops working.
/// </summary>
public sealed class ShiftFeedTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("SharedHotline.Rota.ShiftFeed.v1");

    public string Issue(Guid staffId, int version) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{staffId:N}.{version}"));

    public ShiftFeedToken? Read(string token)
    {
        if (token.Length is 0 or > 512)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        // Addresses given out before generations existed carry the staff id alone: generation 0.
        var parts = payload.Split('.');
        if (!Guid.TryParseExact(parts[0], "N", out var id))
        {
            return null;
        }

        var version = 0;
        return parts.Length == 1 || (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out version))
            ? new ShiftFeedToken(id, version)
            : null;
    }
}
