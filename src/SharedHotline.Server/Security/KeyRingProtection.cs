using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace SharedHotline.Server.Security;

/// <summary>
/// The data-protection key ring (it signs bearer tokens, staff cookies, citizen session tokens and calendar-feed links)
/// lives in the database, so whoever reads the database or a backup could forge any of them unless the keys are
/// encrypted at rest. <c>Hotline:DataProtection:CertificatePath</c> (a PFX, with <c>:CertificatePassword</c>) encrypts
/// them with ASP.NET Core's certificate encryptor; <c>Hotline:DataProtection:KeyEncryptionKey</c> (32 random bytes,
/// base64) with AES-GCM (<see cref="SecretKeyXmlEncryptor"/>). Outside Development and Testing one of them is required.
/// </summary>
public static class KeyRingProtection
{
    public const string Section = "Hotline:DataProtection";

    public static void AddKeyRingProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var builder = services.AddDataProtection();
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet);
            builder.ProtectKeysWithCertificate(certificate);
        }
        else if (section["KeyEncryptionKey"] is { Length: > 0 })
        {
            _ = SecretKeyXmlEncryptor.Current(configuration);
            services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
                o.XmlEncryptor = new SecretKeyXmlEncryptor(SecretKeyXmlEncryptor.Current(configuration)));
        }
        else if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException(
                $"Refusing to start in {environment.EnvironmentName}: the data-protection keys would be stored unencrypted in the database, " +
                $"and anyone who reads it could forge staff sign-ins. Set {Section}:KeyEncryptionKey (32 random bytes, base64: openssl rand -base64 32) " +
                $"or {Section}:CertificatePath and {Section}:CertificatePassword.");
        }
    }

    /// <summary>The 32-byte key from its base64 text, or a clear refusal to start.</summary>
    public static byte[] ParseKey(string base64, string name)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not base64: give 32 random bytes in base64 (openssl rand -base64 32).");
        }

        return key.Length == 32 ? key : throw new InvalidOperationException($"{name} must be 32 bytes, not {key.Length}: openssl rand -base64 32.");
    }

    /// <summary>A short public fingerprint of a key, stored beside what it encrypted, so a rotated key finds its ciphertexts.</summary>
    public static string Fingerprint(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
}
