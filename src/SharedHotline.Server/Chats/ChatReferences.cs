using System.Security.Cryptography;

namespace SharedHotline.Server.Chats;

/// <summary>Short references a citizen can read aloud: kommune prefix and six unambiguous characters, e.g. "SOR-4K7Q2M".</summary>
public static class ChatReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(string kommuneSlug)
    {
        var prefix = new string(kommuneSlug.Where(char.IsAsciiLetter).Take(3).Select(char.ToUpperInvariant).ToArray()).PadRight(3, 'X');
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{prefix}-{code}";
    }
}
