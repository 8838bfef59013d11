using System.Security.Cryptography;
using System.Text;

namespace SharedHotline.Server.Security;

/// <summary>
/// The secret behind the keyed hash of a citizen's address stored with a waiting chat (<see cref="QueuedChatCap"/>).
/// A public default would let anyone with the database test guesses of addresses against the hashes, so outside
/// Development and Testing <c>Hotline:Security:OriginHashKey</c> is required (the same on every node); in Development
/// and Testing a random key is made once and kept in the data folder, beside the database it serves.
/// </summary>
public sealed class OriginHashKey
{
    public const string Setting = "Hotline:Security:OriginHashKey";
    public const int MinLength = 16;
    private const string FileName = "origin-hash.key";

    private OriginHashKey(byte[] key) => Key = key;

    public byte[] Key { get; }

    public static OriginHashKey Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            return configured.Length >= MinLength
                ? new OriginHashKey(Encoding.UTF8.GetBytes(configured))
                : throw new InvalidOperationException($"{Setting} must be at least {MinLength} characters: openssl rand -base64 32.");
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException(
                $"Refusing to start in {environment.EnvironmentName}: {Setting} is not set, and the hashed citizen addresses stored with waiting chats " +
                $"would be keyed by a public default. Set it to a secret of at least {MinLength} characters (openssl rand -base64 32), the same on every node.");
        }

        var folder = Path.GetFullPath(configuration["Hotline:DataFolder"] ?? "App_Data", environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process of the same data folder made it first: use theirs.
            }
        }

        return new OriginHashKey(Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim()));
    }
}
