using System.Text;
using System.Text.RegularExpressions;

namespace SharedHotline.Domain.Privacy;

/// <summary>
/// Finds Danish CPR numbers (ddmmyy-xxxx) in free text, written the ways people write them: with or without a dash,
/// with a space, dot or slash, with separators inside the date (01.02.03-1234, 01 02 03 1234), in full-width or other
/// Unicode digits, and percent-encoded as in a request path (%20010203-1234). A match needs a plausible date
/// (day 01-31, month 01-12) and must not be part of a longer run of digits, so phone numbers (8 digits) and long
/// account numbers are not taken for CPR numbers.
/// </summary>
public static partial class CprNumbers
{
    /// <summary>What a CPR number is replaced with in logs.</summary>
    public const string Mask = "XXXXXX-XXXX";

    public static bool Contains(string? text) => !string.IsNullOrEmpty(text) && Pattern().IsMatch(FoldDigits(Decode(text)));

    /// <summary>
    /// The text with every CPR number masked. Where one was found in percent-encoded text the result is the decoded
    /// text, so no encoded digit of it survives; text without a CPR number is returned unchanged.
    /// </summary>
    public static string MaskIn(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var decoded = Decode(text);
        var folded = FoldDigits(decoded);
        var matches = Pattern().Matches(folded);
        if (matches.Count == 0)
        {
            return text;
        }

        // Folding keeps every character in place, so the match positions hold in the decoded text.
        var masked = new StringBuilder(decoded.Length);
        var next = 0;
        foreach (Match match in matches)
        {
            masked.Append(decoded, next, match.Index - next).Append(Mask);
            next = match.Index + match.Length;
        }

        return masked.Append(decoded, next, decoded.Length - next).ToString();
    }

    private static string Decode(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    /// <summary>Every decimal digit (full-width, Arabic-Indic, ...) as its ASCII digit, one character for one.</summary>
    private static string FoldDigits(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c > '\u007f' && char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c;
            }
        });
    }

    [GeneratedRegex(
        @"(?<![0-9])(?:0[1-9]|[12][0-9]|3[01])[ .\-/]?(?:0[1-9]|1[0-2])[ .\-/]?[0-9]{2}[-\u2010\u2011\u2012\u2013\u2014 ./]?[0-9]{4}(?![0-9])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Pattern();
}
