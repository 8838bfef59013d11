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
}
