using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Routing;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Routing;

public class ChooseAgentTests
{
    // Thursday 26 November 2026 at 16:00: Sorø's own hours and Furesø's shared slot overlap.
    private readonly DateTimeOffset _now = LocalOffset(2026, 11, 26, 16, 0);
    private readonly DutyStatus _thursday = Snapshot().DutyAt(Sorø, Local(2026, 11, 26, 16, 0));
    private readonly DutyStatus _evening = Snapshot().DutyAt(Sorø, Local(2026, 11, 26, 20, 30));

    [Fact]
    public void Sorø_citizen_at_20_30_on_Tuesday_is_served_by_the_rostered_agent()
    {
        var now = LocalOffset(2026, 11, 24, 20, 30);
        var duty = Snapshot().DutyAt(Sorø, Local(2026, 11, 24, 20, 30));
        var agents = new[] { Presence(Agent(Sorø, 1), Sorø), Presence(Agent(Holbæk, 1), Holbæk), Presence(Agent(Furesø, 2), Furesø) };

        Router.ChooseAgent(Chat(Sorø, now), agents, duty, now)!.AgentId.Should().Be(Agent(Furesø, 2));
    }

    [Fact]
    public void A_chat_an_agent_returned_to_the_queue_goes_to_a_colleague_and_never_back_to_her()
    {
        var now = LocalOffset(2026, 11, 24, 20, 30);
        var duty = Snapshot().DutyAt(Sorø, Local(2026, 11, 24, 20, 30));
        var returning = Presence(Agent(Furesø, 1), Furesø);
        var colleague = Presence(Agent(Furesø, 2), Furesø, activeChats: 2);
        var returned = Chat(Sorø, now) with { Priority = true, ReturnedBy = returning.AgentId };

        Router.ChooseAgent(returned, [returning, colleague], duty, now).Should().Be(colleague, "she handed it on for a reason");
        Router.ChooseAgent(returned, [returning], duty, now).Should().BeNull("it waits for someone else");
    }

    [Fact]
    public void Own_staff_in_own_hours_beat_an_idle_rostered_agent_with_the_skill()
    {
        var own = Presence(Agent(Sorø, 1), Sorø, activeChats: 2);
        var rostered = Presence(Agent(Furesø, 1), Furesø, skills: ["pas"]);

        Router.ChooseAgent(Chat(Sorø, _now), [rostered, own], _thursday, _now).Should().Be(own);
    }

    [Fact]
    public void When_own_staff_are_at_capacity_the_rostered_agent_answers()
    {
        var own = Presence(Agent(Sorø, 1), Sorø, activeChats: 3, capacity: 3);
        var rostered = Presence(Agent(Furesø, 1), Furesø, activeChats: 2);

        Router.ChooseAgent(Chat(Sorø, _now), [own, rostered], _thursday, _now).Should().Be(rostered);
    }

    [Fact]
    public void A_rostered_agent_beats_the_overflow_agent_even_when_busier()
    {
        var rostered = Presence(Agent(Furesø, 1), Furesø, activeChats: 2);
        var overflow = Presence(Agent(København, 1), København, skills: ["pas"]);
        var chat = Chat(Sorø, _now.AddHours(4.5).AddMinutes(-10));

        Router.ChooseAgent(chat, [overflow, rostered], _evening, _now.AddHours(4.5)).Should().Be(rostered);
    }

    [Fact]
    public void The_overflow_agent_answers_when_the_rostered_agents_are_full_and_the_chat_has_waited()
    {
        var full = Presence(Agent(Furesø, 1), Furesø, activeChats: 3, capacity: 3);
        var overflow = Presence(Agent(København, 1), København);
        var now = _now.AddHours(4.5);

        Router.ChooseAgent(Chat(Sorø, now.AddMinutes(-6)), [full, overflow], _evening, now).Should().Be(overflow);
        Router.ChooseAgent(Chat(Sorø, now.AddMinutes(-1)), [full, overflow], _evening, now).Should().BeNull();
    }

    [Fact]
    public void Within_a_tier_the_agent_with_the_topic_skill_wins_over_a_less_loaded_one()
    {
        var skilled = Presence(Agent(Sorø, 1), Sorø, activeChats: 2, skills: ["koerekort"]);
        var idle = Presence(Agent(Sorø, 2), Sorø, activeChats: 0, skills: ["pas"]);

        Router.ChooseAgent(Chat(Sorø, _now, topic: "koerekort"), [idle, skilled], _thursday, _now).Should().Be(skilled);
    }

    [Fact]
    public void Skill_matching_ignores_case()
    {
        var skilled = Presence(Agent(Sorø, 1), Sorø, activeChats: 1, skills: ["MitID"]);
        var other = Presence(Agent(Sorø, 2), Sorø);

        Router.ChooseAgent(Chat(Sorø, _now, topic: "mitid"), [other, skilled], _thursday, _now).Should().Be(skilled);
    }

    [Fact]
    public void Among_equally_skilled_agents_the_least_loaded_wins()
    {
        var busy = Presence(Agent(Sorø, 1), Sorø, activeChats: 2);
        var light = Presence(Agent(Sorø, 2), Sorø, activeChats: 1);

        Router.ChooseAgent(Chat(Sorø, _now), [busy, light], _thursday, _now).Should().Be(light);
    }

    [Fact]
    public void Among_equally_loaded_agents_the_one_idle_longest_wins()
    {
        var recentlyFreed = Presence(Agent(Sorø, 1), Sorø, lastFreedAt: _now.AddMinutes(-2));
        var longIdle = Presence(Agent(Sorø, 2), Sorø, lastFreedAt: _now.AddMinutes(-40));

        Router.ChooseAgent(Chat(Sorø, _now), [recentlyFreed, longIdle], _thursday, _now).Should().Be(longIdle);
    }

    [Theory]
    [InlineData(PresenceStatus.Away)]
    [InlineData(PresenceStatus.Offline)]
    public void An_agent_who_is_not_available_is_never_chosen(PresenceStatus status)
    {
        var absent = Presence(Agent(Sorø, 1), Sorø, status: status);

        Router.ChooseAgent(Chat(Sorø, _now), [absent], _thursday, _now).Should().BeNull();
    }

    [Fact]
    public void Nobody_eligible_gives_no_agent() =>
        Router.ChooseAgent(Chat(Sorø, _now), [Presence(Agent(Holbæk, 1), Holbæk)], _evening, _now).Should().BeNull();
}
