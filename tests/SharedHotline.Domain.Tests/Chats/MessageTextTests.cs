using SharedHotline.Domain.Chats;

namespace SharedHotline.Domain.Tests.Chats;

public class MessageTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t ")]
    public void An_empty_or_blank_message_is_rejected_as_empty(string? text) =>
        Reject(text).Which.Code.Should().Be(HotlineErrorCode.MessageEmpty);

    [Fact]
    public void A_message_of_exactly_4000_characters_is_accepted() =>
        MessageText.Validate(new string('a', 4000)).Should().HaveLength(MessageText.MaxLength);

    [Fact]
    public void A_message_of_4001_characters_is_rejected_as_too_long()
    {
        var refusal = Reject(new string('a', 4001)).Which;

        refusal.Code.Should().Be(HotlineErrorCode.MessageTooLong);
        refusal.WireCode.Should().Be("message_too_long");
        refusal.Message.Should().Contain("4001").And.Contain("4000");
    }

    [Fact]
    public void The_text_is_trimmed()
    {
        MessageText.Validate("  Hej, jeg skal have nyt pas \n").Should().Be("Hej, jeg skal have nyt pas");
    }

    [Fact]
    public void Line_breaks_and_tabs_inside_a_message_are_kept() =>
        MessageText.Validate("Linje 1\r\nLinje 2\tslut").Should().Be("Linje 1\r\nLinje 2\tslut");

    [Theory]
    [InlineData("Hej\0der")]
    [InlineData("Klokke\u0007")]
    [InlineData("Escape \u001b[31m")]
    [InlineData("Slet\u007f")]
    [InlineData("C1 \u0085 kontrol")]
    public void Control_characters_are_rejected_as_invalid(string text) =>
        Reject(text).Which.Code.Should().Be(HotlineErrorCode.MessageInvalid);

    [Fact]
    public void A_lone_high_surrogate_is_rejected()
    {
        Reject("Hej \uD83D der").Which.Code.Should().Be(HotlineErrorCode.MessageInvalid);
        Reject("Til sidst \uD83D").Which.Code.Should().Be(HotlineErrorCode.MessageInvalid);
    }

    [Fact]
    public void A_lone_low_surrogate_is_rejected()
    {
        Reject("Hej \uDE00 der").Which.Code.Should().Be(HotlineErrorCode.MessageInvalid);
        Reject("Omvendt \uDE00\uD83D par").Which.Code.Should().Be(HotlineErrorCode.MessageInvalid);
    }

    [Fact]
    public void Emoji_surrogate_pairs_are_accepted()
    {
        var text = "Tak for hjælpen \uD83D\uDE00\uD83D\uDC4D";

        MessageText.Validate(text).Should().Be(text);
    }

    [Fact]
    public void Danish_letters_are_accepted() =>
        MessageText.Validate("Æbleskiver på Ærø og i Øster Ørsted, Århus").Should().Be("Æbleskiver på Ærø og i Øster Ørsted, Århus");

    [Fact]
    public void The_length_limit_counts_UTF_16_code_units_so_2000_emoji_fit_and_2001_do_not()
    {
        const string emoji = "\uD83D\uDE00";

        MessageText.Validate(string.Concat(Enumerable.Repeat(emoji, 2000))).Should().HaveLength(4000);
        Reject(string.Concat(Enumerable.Repeat(emoji, 2001))).Which.Code.Should().Be(HotlineErrorCode.MessageTooLong);
    }

    [Fact]
    public void A_control_character_is_named_with_its_code_point_and_position()
    {
        Reject("\u0007").Which.Message.Should().Be("The message contains a control character (U+0007) at position 1.");
    }

    [Theory]
    [InlineData("Pris \uFFFF kr")]
    [InlineData("Ikke tekst \uFFFE")]
    [InlineData("\uFDD0 her")]
    [InlineData("Plan 1 \U0001FFFF")]
    public void Noncharacters_are_rejected_as_invalid(string text) =>
        Reject(text).Which.Code.Should().Be(HotlineErrorCode.MessageInvalid);

    [Theory]
    [InlineData("Betal til \u202Ekr 0001\u202C nu", "Betal til kr 0001 nu")]
    [InlineData("\u2066isoleret\u2069 tekst \u202Aog\u202B mere\u202D", "isoleret tekst og mere")]
    [InlineData("skj\u200Bult\u2060 ord\uFEFF", "skjult ord")]
    [InlineData("linje\u2028to", "linje\nto")]
    public void Characters_that_hide_or_reorder_text_in_the_console_are_removed(string text, string shown) =>
        MessageText.Validate(text).Should().Be(shown);

    [Fact]
    public void A_message_of_nothing_but_invisible_characters_is_empty() =>
        Reject("\u200B\u202E\uFEFF").Which.Code.Should().Be(HotlineErrorCode.MessageEmpty);

    [Fact]
    public void Joiners_that_build_emoji_and_right_to_left_text_are_kept()
    {
        const string family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        const string arabic = "\u0645\u0631\u062D\u0628\u0627 \u200F";

        MessageText.Validate(family).Should().Be(family);
        MessageText.Validate(arabic).Should().Be(arabic.Trim());
    }

    private static FluentAssertions.Specialized.ExceptionAssertions<HotlineException> Reject(string? text)
    {
        var act = () => MessageText.Validate(text);
        return act.Should().Throw<HotlineException>();
    }
}
