using System.Text.RegularExpressions;

namespace SharedHotline.Domain.Privacy;

/// <summary>
/// Finds Danish CPR numbers (ddmmyy-xxxx, with or without the dash, or with a space) in free text. A match needs a
/// plausible date (day 01-31, month 01-12) and must not be part of a longer run of digits, so phone numbers
/// (8 digits) and long account numbers are not taken for CPR numbers.
/// </summary>
public static partial class CprNumbers
{
    /// <summary>What a CPR number is replaced with in logs.</summary>
    public const string Mask = "XXXXXX-XXXX";

    public static bool Contains(string? text) => !string.IsNullOrEmpty(text) && Pattern().IsMatch(text);

    public static string MaskIn(string text) => string.IsNullOrEmpty(text) ? text : Pattern().Replace(text, Mask);

    [GeneratedRegex(@"(?<![0-9])(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}[-\u2010\u2011\u2013 ]?[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Pattern();
}
