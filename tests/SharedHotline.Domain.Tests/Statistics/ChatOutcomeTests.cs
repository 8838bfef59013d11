using NodaTime;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class ChatOutcomeTests
{
    private static readonly Instant Start = TenChats.Evening;

    [Fact]
    public void An_answered_chat_waits_until_accepted_and_is_handled_until_it_ends()
    {
        var chat = TenChats.Answered(0, TenChats.Soroe, wait: 12, handle: 300, TenChats.Fredensborg, ServedIn.Shared);

        chat.Answered.Should().BeTrue();
        chat.Wait.Should().Be(Duration.FromSeconds(12));
        chat.HandleTime.Should().Be(Duration.FromSeconds(300));
    }

    [Fact]
    public void An_abandoned_chat_waits_until_the_citizen_leaves_and_has_no_handle_time()
    {
        var chat = TenChats.Abandoned(0, TenChats.Soroe, wait: 95);

        chat.Answered.Should().BeFalse();
        chat.Wait.Should().Be(Duration.FromSeconds(95));
        chat.HandleTime.Should().BeNull();
    }

    [Fact]
    public void A_chat_cannot_end_before_it_starts() =>
        FluentActions.Invoking(() => new ChatOutcome(Guid.NewGuid(), 340, "pas", Start, null, Start - Duration.FromSeconds(1), null, null, true))
            .Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void A_chat_is_accepted_between_its_start_and_end() =>
        FluentActions.Invoking(() => new ChatOutcome(Guid.NewGuid(), 340, "pas", Start, Start + Duration.FromMinutes(5),
                Start + Duration.FromMinutes(4), 340, ServedIn.Own, false))
            .Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void An_accepted_chat_cannot_also_be_abandoned() =>
        FluentActions.Invoking(() => new ChatOutcome(Guid.NewGuid(), 340, "pas", Start, Start + Duration.FromSeconds(5),
                Start + Duration.FromMinutes(4), 340, ServedIn.Own, Abandoned: true))
            .Should().Throw<ArgumentException>();
}
