using System.Globalization;
using System.Text;

namespace SharedHotline.Domain.Statistics;

/// <summary>
/// CSV that Danish Excel opens as columns: semicolon between fields, decimal comma, CRLF between rows (RFC 4180 with ';').
/// A field holding ';', '"', CR or LF is quoted with its quotes doubled. Text that begins with =, +, -, @, tab or CR
/// is prefixed with ' so that Excel shows it rather than runs it as a formula; numbers passed as numbers are written
/// as numbers and keep their minus sign (only text can carry a formula). Excel needs the UTF-8 byte order mark to read
/// æ, ø and å: write with <see cref="Utf8WithBom"/> or use <see cref="ToBytes"/>.
/// </summary>
public static class DanishCsv
{
    public const char Separator = ';';
    public const string NewLine = "\r\n";

    /// <summary>UTF-8 that writes the byte order mark first.</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    // Explicit rather than da-DK so neither the machine's culture nor its ICU data can change a file; no thousands separator.
    private static readonly NumberFormatInfo Danish = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "",
        NegativeSign = "-",
    };

    private static readonly char[] NeedsQuotes = [Separator, '"', '\r', '\n'];

    /// <summary>
    /// One field: null as empty; integers in digits; double, float and decimal with a decimal comma and up to ten
    /// decimals (not-a-number and infinities as empty); anything else as text (formattable values in the invariant culture).
    /// </summary>
    public static string Field(object? value) => value switch
    {
        null => "",
        string text => Text(text),
        int or long or short or byte or sbyte or ushort or uint or ulong => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        double d => double.IsFinite(d) ? d.ToString("0.##########", Danish) : "",
        float f => float.IsFinite(f) ? f.ToString("0.##########", Danish) : "",
        decimal m => m.ToString("0.##########", Danish),
        IFormattable formattable => Text(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text(value.ToString() ?? ""),
    };

    /// <summary>One row of fields, without the line end.</summary>
    public static string Row(IEnumerable<object?> values) => string.Join(Separator, values.Select(Field));

    /// <summary>Writes one row and its CRLF.</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<object?> values)
    {
        writer.Write(Row(values));
        writer.Write(NewLine);
    }

    /// <summary>The whole file as text, every row ending in CRLF.</summary>
    public static string Write(IEnumerable<IEnumerable<object?>> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            WriteRow(writer, row);
        }

        return writer.ToString();
    }

    /// <summary>The file's bytes: the UTF-8 byte order mark, then the text in UTF-8.</summary>
    public static byte[] ToBytes(string csv) => [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv)];

    private static string Text(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny(NeedsQuotes) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
