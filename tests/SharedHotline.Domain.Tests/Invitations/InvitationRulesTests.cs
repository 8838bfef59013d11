using SharedHotline.Domain.Invitations;
using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Invitations;

/// <summary>Which pages of a kommune's website may invite, and at which times of day.</summary>
public class InvitationRulesTests
{
    private static readonly InvitationRules Rules = new()
    {
        Enabled = true,
        Pages = [new("/borger/pas*", "pas", 30), new("/selvbetjening/*/kvittering", "andet", 0)],
        Hours = WeeklyHours.Create([DayOfWeek.Tuesday], new TimeOnly(17, 0), new TimeOnly(21, 0)),
    };

    [Theory]
    [InlineData("/borger/pas", "pas")]
    [InlineData("/borger/pas/fornyelse", "pas")]
    [InlineData("/BORGER/PAS", "pas")]
    [InlineData("/selvbetjening/flytning/kvittering", "andet")]
    public void A_page_matching_a_pattern_gets_that_rules_topic(string path, string topic) =>
        Rules.PageFor(path)!.Topic.Should().Be(topic);

    [Theory]
    [InlineData("/borger/kørekort")]
    [InlineData("/x/borger/pas")]
    [InlineData("/selvbetjening/flytning/kvittering/ekstra")]
    public void A_page_no_pattern_names_does_not_invite(string path) => Rules.PageFor(path).Should().BeNull();

    [Fact]
    public void Patterns_are_literal_apart_from_the_star() => new InvitationPage("/a.b", "pas", 1).Matches("/aXb").Should().BeFalse();

    [Fact]
    public void Invitations_are_on_only_in_the_time_of_day_windows_Copenhagen_time()
    {
        Rules.IsOnAt(Local(2026, 11, 24, 20, 30), Zone).Should().BeTrue();
        Rules.IsOnAt(Local(2026, 11, 24, 21, 0), Zone).Should().BeFalse("the window ends at 21:00");
        Rules.IsOnAt(Local(2026, 11, 25, 20, 30), Zone).Should().BeFalse("Wednesday has no window");
        new InvitationRules().IsOnAt(Local(2026, 11, 25, 3, 0), Zone).Should().BeTrue("no windows: whenever the hotline is open");
    }
}
