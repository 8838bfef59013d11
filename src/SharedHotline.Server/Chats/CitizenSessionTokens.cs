using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using SharedHotline.Domain.Chats;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Signed, expiring tokens that bind a citizen's browser to one chat. The expiry is checked against the
/// app's <see cref="TimeProvider"/>; a guessed chat id without its token gives nothing.
/// Every citizen call carries the token, so tokens already verified are remembered (bounded) and only their
/// expiry is checked again: unprotecting costs a key lookup, an HMAC and a decryption each time.
/// </summary>
public sealed class CitizenSessionTokens(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private const int MaxRemembered = 50_000;
    private readonly IDataProtector _protector = protection.CreateProtector("SharedHotline.CitizenSession.v1");
    private readonly ConcurrentDictionary<string, (Guid ChatId, DateTimeOffset Expires)> _verified = new(StringComparer.Ordinal);

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

        if (_verified.TryGetValue(token, out var known))
        {
            return known.Expires < time.GetUtcNow() ? throw Invalid() : known.ChatId;
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

        if (_verified.Count >= MaxRemembered)
        {
            _verified.Clear();
        }

        _verified[token] = (chatId, DateTimeOffset.FromUnixTimeSeconds(expires));
        return chatId;
    }

    private static HotlineException Invalid() =>
        new(HotlineErrorCode.SessionInvalid, "The chat session is unknown or has expired. Start a new chat.");
}
