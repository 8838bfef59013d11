using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Routing;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Routing;

public class RouterTierTests
{
    private readonly RotaSnapshot _snapshot = Snapshot();

    [Fact]
    public void In_own_hours_the_kommunes_own_agent_is_tier_0()
    {
        var now = LocalOffset(2026, 11, 25, 10, 0);
        var duty = _snapshot.DutyAt(Holbæk, Local(2026, 11, 25, 10, 0));

        Router.Tier(Agent(Holbæk, 1), Holbæk, Chat(Holbæk, now), duty, now).Should().Be(0);
    }

    [Fact]
    public void In_own_hours_an_agent_of_another_kommune_who_is_not_rostered_may_not_answer()
    {
        var now = LocalOffset(2026, 11, 25, 10, 0);
        var duty = _snapshot.DutyAt(Holbæk, Local(2026, 11, 25, 10, 0));

        Router.Tier(Agent(Sorø, 1), Sorø, Chat(Holbæk, now), duty, now).Should().BeNull();
    }

    [Fact]
    public void Sorø_citizen_at_20_30_on_Tuesday_may_be_answered_by_the_rostered_Furesø_agent_at_tier_1()
    {
        var now = LocalOffset(2026, 11, 24, 20, 30);
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30));

        Router.Tier(Agent(Furesø, 1), Furesø, Chat(Sorø, now), duty, now).Should().Be(1);
    }

    [Fact]
    public void Outside_own_hours_Sorøs_own_unrostered_agent_may_not_answer()
    {
        var now = LocalOffset(2026, 11, 24, 20, 30);
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30));

        Router.Tier(Agent(Sorø, 1), Sorø, Chat(Sorø, now), duty, now).Should().BeNull();
    }

    [Fact]
    public void On_Thursday_at_16_own_staff_are_tier_0_and_rostered_agents_tier_1()
    {
        var now = LocalOffset(2026, 11, 26, 16, 0);
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 26, 16, 0));
        var chat = Chat(Sorø, now);

        Router.Tier(Agent(Sorø, 1), Sorø, chat, duty, now).Should().Be(0);
        Router.Tier(Agent(Furesø, 1), Furesø, chat, duty, now).Should().Be(1);
    }

    [Fact]
    public void København_overflow_agent_is_not_eligible_before_the_chat_has_waited_5_minutes()
    {
        var now = LocalOffset(2026, 11, 24, 20, 30);
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30));

        Router.Tier(Agent(København, 1), København, Chat(Sorø, now.AddMinutes(-4).AddSeconds(-59)), duty, now).Should().BeNull();
    }

    [Fact]
    public void København_overflow_agent_is_tier_2_once_the_chat_has_waited_5_minutes()
    {
        var now = LocalOffset(2026, 11, 24, 20, 30);
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30));

        Router.Tier(Agent(København, 1), København, Chat(Sorø, now.AddMinutes(-5)), duty, now).Should().Be(2);
    }

    [Fact]
    public void When_Sorø_is_closed_nobody_is_eligible_not_even_after_a_long_wait()
    {
        var now = LocalOffset(2026, 11, 27, 19, 0);
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 27, 19, 0));
        var chat = Chat(Sorø, now.AddHours(-1));

        foreach (var kode in RotationOrder.Append(København))
        {
            Router.IsEligible(Presence(Agent(kode, 1), kode), chat, duty, now).Should().BeFalse("agent of {0}", kode);
        }
    }

    [Fact]
    public void IsEligible_ignores_status_and_load()
    {
        var now = LocalOffset(2026, 11, 24, 20, 30);
        var duty = _snapshot.DutyAt(Sorø, Local(2026, 11, 24, 20, 30));
        var busyAndAway = Presence(Agent(Furesø, 1), Furesø, activeChats: 3, capacity: 3, status: PresenceStatus.Away);

        Router.IsEligible(busyAndAway, Chat(Sorø, now), duty, now).Should().BeTrue();
        busyAndAway.CanTakeChat.Should().BeFalse();
    }

    [Fact]
    public void InServiceOrder_puts_priority_chats_first_then_the_longest_waiting()
    {
        var t = LocalOffset(2026, 11, 24, 20, 0);
        var newest = Chat(Sorø, t.AddMinutes(3), number: 1);
        var oldest = Chat(Sorø, t, number: 2);
        var returned = Chat(Sorø, t.AddMinutes(5), priority: true, number: 3);

        Router.InServiceOrder([newest, oldest, returned]).Should().Equal(returned, oldest, newest);
    }
}
