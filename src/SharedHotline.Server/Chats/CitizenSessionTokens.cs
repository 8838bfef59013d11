using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using SharedHotline.Domain.Chats;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Signed, expiring tokens that bind a citizen's browser to one chat. The expiry is checked against the
/// app's <see cref="TimeProvider"/>; a guessed chat id without its token gives nothing.
/// </summary>
public sealed class CitizenSessionTokens(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly IDataProtector _protector = protection.CreateProtector("SharedHotline.CitizenSession.v1");

    public string Issue(Guid chatId)
    {
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        return _protector.Protect($"{chatId:N}|{expires.ToString(CultureInfo.InvariantCulture)}");
    }

    public Guid Validate(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024)
        {
            throw Invalid();
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw Invalid();
        }

        var parts = payload.Split('|');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var chatId)
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) < time.GetUtcNow())
        {
            throw Invalid();
        }

        return chatId;
    }

    private static HotlineException Invalid() =>
        new(HotlineErrorCode.SessionInvalid, "The chat session is unknown or has expired. Start a new chat.");
}
