using System.Security.Cryptography;

namespace SharedHotline.Server.Chats;

/// <summary>Short references a citizen can read aloud: kommune prefix and six unambiguous characters, e.g. "SOR-4K7Q2M".</summary>
public static class ChatReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>A new reference with the kommune's own prefix, so a citizen's reference says whose case it is.</summary>
    public static string New(Domain.Tenancy.Kommune kommune) => New(kommune.ReferencePrefix);

    private static string New(string prefix)
    {
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{prefix}-{code}";
    }
}
