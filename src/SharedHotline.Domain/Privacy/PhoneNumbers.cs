using System.Text.RegularExpressions;

namespace SharedHotline.Domain.Privacy;

/// <summary>
/// Finds Danish phone numbers (eight digits, optionally after +45 or 0045, in pairs or in one run) so
/// that a number that reaches a log line anyway is masked; longer runs of digits and digits inside words or hex ids are not taken for one.
/// </summary>
public static partial class PhoneNumbers
{
    public const string Mask = "XXXXXXXX";

    public static bool Contains(string? text) => !string.IsNullOrEmpty(text) && Pattern().IsMatch(text);

    public static string MaskIn(string text) => string.IsNullOrEmpty(text) ? text : Pattern().Replace(text, Mask);

    [GeneratedRegex(@"(?<![0-9A-Za-z+])(?:(?:\+|00)45[ ]?)?[0-9]{2}(?:[ ]?[0-9]{2}){3}(?![0-9A-Za-z])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Pattern();
}
