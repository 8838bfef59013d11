using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SharedHotline.Server.Rota;

/// <summary>
/// The secret in an agent's calendar feed URL: the staff id, encrypted and signed with the server's
/// data-protection keys (calendar programs such as Outlook cannot send a bearer token).
/// </summary>
public sealed class ShiftFeedTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("SharedHotline.Rota.ShiftFeed.v1");

    public string Issue(Guid staffId) => _protector.Protect(staffId.ToString("N"));

    public Guid? Read(string token)
    {
        if (token.Length is 0 or > 512)
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
