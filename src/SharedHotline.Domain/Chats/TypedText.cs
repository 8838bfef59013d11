using System.Globalization;
using System.Text;

namespace SharedHotline.Domain.Chats;

/// <summary>
/// What a citizen or staff member typed, made safe to show in another person's console. Invisible characters that
/// can hide or reorder text (zero-width spaces, bidirectional embeddings, overrides and isolates such as U+202E)
/// are taken out, so a name or message reads on screen as it is stored; characters that are never text (control
/// characters, unpaired surrogates, noncharacters such as U+FFFF) are refused with what and where.
/// </summary>
public static class TypedText
{
    /// <summary>The text with hiding and reordering characters removed and line/paragraph separators as newlines.</summary>
    public static string Neutralise(string text)
    {
        if (!NeedsNeutralising(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\u2028' or '\u2029')
            {
                result.Append('\n');
            }
            else if (!IsHidingOrReordering(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Why the text cannot be taken, or null. Newlines and tabs are allowed only when <paramref name="multiline"/>.</summary>
    public static string? Problem(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    return Describe("a noncharacter", codePoint, i);
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"a broken character (an unpaired UTF-16 surrogate) at position {i + 1}");
            }

            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return Describe("a control character", c, i);
            }

            if (c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF'))
            {
                return Describe("a noncharacter", c, i);
            }
        }

        return null;
    }

    /// <summary>Zero-width spaces and joiners that hide text, and the bidirectional embeddings, overrides and isolates.</summary>
    public static bool IsHidingOrReordering(char c) =>
        c is '\u200B' or '\u2060' or '\uFEFF' or '\u180E' or (>= '\u2061' and <= '\u2064') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool NeedsNeutralising(string text)
    {
        foreach (var c in text)
        {
            if (IsHidingOrReordering(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(string what, int codePoint, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} (U+{codePoint:X4}) at position {index + 1}");
}
