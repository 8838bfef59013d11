using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace SharedHotline.Server.Security;

/// <summary>
/// Encrypts each data-protection key with AES-256-GCM under <c>Hotline:DataProtection:KeyEncryptionKey</c>. Keys stored
/// under an earlier key stay readable while that one is listed in <c>:PreviousKeyEncryptionKeys</c>.
/// </summary>
public sealed class SecretKeyXmlEncryptor(byte[] key) : IXmlEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Current(IConfiguration configuration) =>
        KeyRingProtection.ParseKey(configuration[KeyRingProtection.Section + ":KeyEncryptionKey"] ?? "", KeyRingProtection.Section + ":KeyEncryptionKey");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        }

        var element = new XElement(
            "encryptedKey",
            new XAttribute("keyEncryptionKey", KeyRingProtection.Fingerprint(key)),
            new XComment(" Encrypted with AES-256-GCM under Hotline:DataProtection:KeyEncryptionKey. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(SecretKeyXmlDecryptor));
    }

    internal static XElement Decrypt(XElement encrypted, IEnumerable<byte[]> keys)
    {
        var fingerprint = (string?)encrypted.Attribute("keyEncryptionKey");
        var key = keys.FirstOrDefault(k => KeyRingProtection.Fingerprint(k) == fingerprint)
            ?? throw new CryptographicException($"The data-protection key was encrypted under key-encryption key {fingerprint}, which is not configured (Hotline:DataProtection:KeyEncryptionKey or :PreviousKeyEncryptionKeys).");
        var sealedBytes = Convert.FromBase64String((string?)encrypted.Element("value") ?? "");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

/// <summary>Created by the data-protection system (by type name, with the service provider) to read a key back.</summary>
public sealed class SecretKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var keys = new List<byte[]> { SecretKeyXmlEncryptor.Current(configuration) };
        var previous = configuration.GetSection(KeyRingProtection.Section + ":PreviousKeyEncryptionKeys").Get<string[]>() ?? [];
        keys.AddRange(previous.Select(p => KeyRingProtection.ParseKey(p, KeyRingProtection.Section + ":PreviousKeyEncryptionKeys")));
        return SecretKeyXmlEncryptor.Decrypt(encryptedElement, keys);
    }
}
