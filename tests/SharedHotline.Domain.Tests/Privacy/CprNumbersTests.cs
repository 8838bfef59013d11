using SharedHotline.Domain.Privacy;

namespace SharedHotline.Domain.Tests.Privacy;

public sealed class CprNumbersTests
{
    [Theory]
    [InlineData("Mit CPR er 010203-1234")]
    [InlineData("Mit CPR er 0102031234, tak")]
    [InlineData("cpr:311299 4321")]
    [InlineData("3112994321")]
    [InlineData("(150585-2468)")]
    [InlineData("født 240780\u20111357")]
    [InlineData("010203.1234")]
    [InlineData("01.02.03-1234")]
    [InlineData("010203/1234")]
    [InlineData("01 02 03 1234")]
    [InlineData("01-02-03-1234")]
    [InlineData("CPR \uff10\uff11\uff10\uff12\uff10\uff13-\uff11\uff12\uff13\uff14")]
    public void A_cpr_number_with_or_without_dash_is_found_and_masked(string text)
    {
        CprNumbers.Contains(text).Should().BeTrue();
        var masked = CprNumbers.MaskIn(text);
        masked.Should().Contain(CprNumbers.Mask);
        masked.Count(char.IsDigit).Should().Be(0, "no digit of the CPR number may survive: {0}", masked);
    }

    [Theory]
    [InlineData("Ring på 12345678")]
    [InlineData("+45 70 20 30 40")]
    [InlineData("Kontonummer 12345678901234")]
    [InlineData("Dato 321399-1234")]
    [InlineData("Måned 011399-1234")]
    [InlineData("Reference SOR-4K7Q2M")]
    [InlineData("Mødet er 01.02.2003 kl. 10")]
    [InlineData("2026-12-03T15:40:55.1234567Z")]
    [InlineData("100% sikker, 20 11 22 33")]
    [InlineData("")]
    public void Phone_numbers_long_numbers_and_impossible_dates_are_not_taken_for_cpr_numbers(string text)
    {
        CprNumbers.Contains(text).Should().BeFalse();
        CprNumbers.MaskIn(text).Should().Be(text);
    }

    [Fact]
    public void Every_cpr_number_in_a_text_is_masked_and_the_rest_is_kept()
    {
        var masked = CprNumbers.MaskIn("Mor 010203-1234 og barn 0504061234 på Søndergade 12");

        masked.Should().Be($"Mor {CprNumbers.Mask} og barn {CprNumbers.Mask} på Søndergade 12");
    }

    [Theory]
    [InlineData("/api/kommuner/soroe/search/%20010203-1234")]
    [InlineData("/x?q=%30%31%30%32%30%33%2D%31%32%33%34")]
    [InlineData("/x?q=010203%2D1234&y=1")]
    [InlineData("/x?q=010203%201234")]
    public void A_percent_encoded_cpr_number_in_a_request_path_is_decoded_and_masked(string path)
    {
        CprNumbers.Contains(path).Should().BeTrue();
        var masked = CprNumbers.MaskIn(path);
        masked.Should().Contain(CprNumbers.Mask);
        masked.Should().NotContain("1234").And.NotContain("%3");
    }

    [Fact]
    public void Full_width_digits_are_masked_and_the_text_around_them_is_kept()
    {
        CprNumbers.MaskIn("før \uff10\uff11\uff10\uff12\uff10\uff13\uff11\uff12\uff13\uff14 efter").Should().Be($"før {CprNumbers.Mask} efter");
    }
}

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("Ring på 12345678")]
    [InlineData("+45 12 34 56 78")]
    [InlineData("0045 20304050 efter kl. 12")]
    [InlineData("tlf:+4530405060")]
    public void A_danish_phone_number_is_found_and_masked(string text)
    {
        PhoneNumbers.Contains(text).Should().BeTrue();
        PhoneNumbers.MaskIn(text).Should().Contain(PhoneNumbers.Mask).And.NotContainAny("12345678", "20304050", "30405060", "12 34 56 78");
    }

    [Theory]
    [InlineData("Reference SOR-4K7Q2M")]
    [InlineData("Kontonummer 12345678901234")]
    [InlineData("Chat 01a20f09-56c0-7094-b027-4dea21e3c220")]
    [InlineData("1234567")]
    [InlineData("rota-published-dff12345678c")]
    public void Ids_long_numbers_and_short_numbers_are_not_taken_for_phone_numbers(string text) =>
        PhoneNumbers.MaskIn(text).Should().Be(text);
}
