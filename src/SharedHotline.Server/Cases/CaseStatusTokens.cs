using System.Security.Cryptography;
using System.Text;

namespace SharedHotline.Server.Cases;

/// <summary>The secret in a citizen's status link: 128 random bits; only its SHA-256 is stored.</summary>
public static class CaseStatusTokens
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string? token, string hash) =>
        token is { Length: > 0 and <= 64 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(hash));
}
