using System.Text;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class DanishCsvTests
{
    [Theory]
    [InlineData(12.5, "12,5")]
    [InlineData(-0.25, "-0,25")]
    [InlineData(1234567.5, "1234567,5")]
    [InlineData(2.0, "2")]
    [InlineData(double.NaN, "")]
    public void Decimals_have_a_comma_and_no_thousands_separator(double value, string field) =>
        DanishCsv.Field(value).Should().Be(field);

    [Fact]
    public void Integers_decimals_and_nothing_are_written_plainly()
    {
        DanishCsv.Field(-42).Should().Be("-42", "a number we write stays a number");
        DanishCsv.Field(1_000_000L).Should().Be("1000000");
        DanishCsv.Field(3.75m).Should().Be("3,75");
        DanishCsv.Field(null).Should().BeEmpty();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+45 12345678", "'+45 12345678")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("Sorø", "Sorø")]
    public void Text_that_Excel_would_run_as_a_formula_is_prefixed(string text, string field) =>
        DanishCsv.Field(text).Should().Be(field);

    [Theory]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("1,5", "1,5")]
    public void Separators_quotes_and_line_breaks_are_quoted(string text, string field) =>
        DanishCsv.Field(text).Should().Be(field);

    [Fact]
    public void Rows_are_separated_by_semicolons_and_end_in_CRLF()
    {
        var csv = DanishCsv.Write([["Kommune", "Besvaret", "Serviceniveau"], ["Sorø", 8, 0.8]]);

        csv.Should().Be("Kommune;Besvaret;Serviceniveau\r\nSorø;8;0,8\r\n");
    }

    [Fact]
    public void The_bytes_begin_with_the_UTF8_byte_order_mark()
    {
        var bytes = DanishCsv.ToBytes("Sorø;1\r\n");

        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Should().Be("Sorø;1\r\n");
    }

    [Fact]
    public void The_file_round_trips_through_an_RFC_4180_parser_with_semicolons()
    {
        object?[][] rows =
        [
            ["Besvaret af", "Borgers kommune", "Chats", "Minutter"],
            ["Fredensborg", "Sorø", 3, 16.0],
            ["Holbæk; vest", "Frederikssund \"FSU\"", -2, -1.5],
            ["=1+1", "linje 1\r\nlinje 2", null, 0.125],
        ];

        var parsed = Rfc4180.Parse(DanishCsv.Write(rows), ';');

        parsed.Should().HaveCount(4);
        parsed[0].Should().Equal("Besvaret af", "Borgers kommune", "Chats", "Minutter");
        parsed[1].Should().Equal("Fredensborg", "Sorø", "3", "16");
        parsed[2].Should().Equal("Holbæk; vest", "Frederikssund \"FSU\"", "-2", "-1,5");
        parsed[3].Should().Equal("'=1+1", "linje 1\r\nlinje 2", "", "0,125");
    }

    /// <summary>A minimal RFC 4180 reader: quoted fields with doubled quotes, rows ending in CRLF.</summary>
    private static class Rfc4180
    {
        public static List<List<string>> Parse(string text, char separator)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == separator)
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i++;
                }
                else
                {
                    field.Append(c);
                }
            }

            return rows;
        }
    }
}
