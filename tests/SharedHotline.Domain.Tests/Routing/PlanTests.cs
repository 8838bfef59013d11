using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Routing;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Routing;

public class PlanTests
{
    private readonly RotaSnapshot _snapshot = Snapshot();

    // Tuesday 24 November 2026 at 20:30: Furesø's agents are rostered on the shared slot.
    private readonly DateTimeOffset _evening = LocalOffset(2026, 11, 24, 20, 30);

    [Fact]
    public void No_agent_is_planned_above_capacity_and_the_longest_waiting_chats_go_first()
    {
        var agent = Presence(Agent(Furesø, 1), Furesø, activeChats: 1, capacity: 3);
        var queue = Enumerable.Range(1, 5).Select(i => Chat(Sorø, _evening.AddMinutes(-i), number: i)).ToList();

        var plan = Router.Plan(queue, [agent], _snapshot, _evening);

        plan.Should().HaveCount(2);
        plan.Select(a => a.ChatId).Should().Equal(queue[4].ChatId, queue[3].ChatId);
        plan.Should().OnlyContain(a => a.AgentId == agent.AgentId);
    }

    [Fact]
    public void Many_chats_fill_every_agent_exactly_to_capacity()
    {
        var agents = new[]
        {
            Presence(Agent(Furesø, 1), Furesø, activeChats: 0, capacity: 3),
            Presence(Agent(Furesø, 2), Furesø, activeChats: 2, capacity: 4),
        };
        var queue = Enumerable.Range(1, 10).Select(i => Chat(Sorø, _evening.AddSeconds(-i * 10), number: i)).ToList();

        var plan = Router.Plan(queue, agents, _snapshot, _evening);

        plan.Should().HaveCount(5);
        plan.Count(a => a.AgentId == Agent(Furesø, 1)).Should().Be(3);
        plan.Count(a => a.AgentId == Agent(Furesø, 2)).Should().Be(2);
        plan.Select(a => a.ChatId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_returned_priority_chat_is_served_before_older_chats()
    {
        var agent = Presence(Agent(Furesø, 1), Furesø, capacity: 1);
        var old = Chat(Sorø, _evening.AddMinutes(-10), number: 1);
        var returned = Chat(Holbæk, _evening.AddMinutes(-1), priority: true, number: 2);

        Router.Plan([old, returned], [agent], _snapshot, _evening)
            .Should().ContainSingle().Which.ChatId.Should().Be(returned.ChatId);
    }

    [Fact]
    public void Load_is_spread_so_two_idle_agents_take_one_chat_each()
    {
        var agents = new[] { Presence(Agent(Furesø, 1), Furesø), Presence(Agent(Furesø, 2), Furesø) };
        var queue = new[] { Chat(Sorø, _evening.AddMinutes(-2), number: 1), Chat(Fredensborg, _evening.AddMinutes(-1), number: 2) };

        var plan = Router.Plan(queue, agents, _snapshot, _evening);

        plan.Select(a => a.AgentId).Should().BeEquivalentTo([Agent(Furesø, 1), Agent(Furesø, 2)]);
    }

    [Fact]
    public void A_chat_nobody_may_answer_does_not_block_the_chats_behind_it()
    {
        var now = LocalOffset(2026, 11, 25, 10, 0);
        var holbæk = Chat(Holbæk, now.AddMinutes(-10), number: 1);
        var sorø = Chat(Sorø, now.AddMinutes(-1), number: 2);

        var plan = Router.Plan([holbæk, sorø], [Presence(Agent(Sorø, 1), Sorø)], _snapshot, now);

        plan.Should().Equal(new Assignment(sorø.ChatId, Agent(Sorø, 1)));
    }

    [Fact]
    public void Overflow_agents_take_only_the_chats_that_have_waited_past_the_threshold()
    {
        var full = Presence(Agent(Furesø, 1), Furesø, activeChats: 3, capacity: 3);
        var overflow = Presence(Agent(København, 1), København, capacity: 5);
        var waitedLong = Chat(Sorø, _evening.AddMinutes(-5), number: 1);
        var justArrived = Chat(Sorø, _evening.AddMinutes(-4), number: 2);

        var plan = Router.Plan([justArrived, waitedLong], [full, overflow], _snapshot, _evening);

        plan.Should().Equal(new Assignment(waitedLong.ChatId, overflow.AgentId));
    }

    [Fact]
    public void Agents_who_are_away_or_offline_are_left_out()
    {
        var agents = new[]
        {
            Presence(Agent(Furesø, 1), Furesø, status: PresenceStatus.Away),
            Presence(Agent(Furesø, 2), Furesø, status: PresenceStatus.Offline),
        };

        Router.Plan([Chat(Sorø, _evening.AddMinutes(-1))], agents, _snapshot, _evening).Should().BeEmpty();
    }

    [Fact]
    public void In_own_hours_each_kommunes_chats_go_to_its_own_staff()
    {
        var now = LocalOffset(2026, 11, 25, 10, 0);
        var agents = new[] { Presence(Agent(Holbæk, 1), Holbæk), Presence(Agent(Sorø, 1), Sorø) };
        var queue = new[] { Chat(Sorø, now.AddMinutes(-3), number: 1), Chat(Holbæk, now.AddMinutes(-2), number: 2) };

        var plan = Router.Plan(queue, agents, _snapshot, now);

        plan.Should().Equal(new Assignment(queue[0].ChatId, Agent(Sorø, 1)), new Assignment(queue[1].ChatId, Agent(Holbæk, 1)));
    }

    [Fact]
    public void Nothing_is_planned_when_Sorø_is_closed()
    {
        var now = LocalOffset(2026, 11, 27, 19, 0);

        Router.Plan([Chat(Sorø, now.AddHours(-1))], [Presence(Agent(Furesø, 1), Furesø)], _snapshot, now).Should().BeEmpty();
    }

    [Fact]
    public void An_empty_queue_or_no_agents_gives_an_empty_plan()
    {
        Router.Plan([], [Presence(Agent(Furesø, 1), Furesø)], _snapshot, _evening).Should().BeEmpty();
        Router.Plan([Chat(Sorø, _evening)], [], _snapshot, _evening).Should().BeEmpty();
    }

    [Fact]
    public void A_chat_stamped_by_a_node_whose_clock_runs_ahead_still_goes_to_the_rostered_agent()
    {
        var agent = Presence(Agent(Furesø, 1), Furesø);
        var fromTheFuture = Chat(Sorø, _evening.AddSeconds(2));

        Router.Plan([fromTheFuture], [agent], _snapshot, _evening).Should().Equal(new Assignment(fromTheFuture.ChatId, agent.AgentId));
    }

    [Fact]
    public void A_queue_handed_over_in_service_order_is_served_in_that_order()
    {
        var agent = Presence(Agent(Furesø, 1), Furesø, capacity: 2);
        var returned = Chat(Sorø, _evening.AddMinutes(-1), number: 1) with { Priority = true };
        var oldest = Chat(Holbæk, _evening.AddMinutes(-9), number: 2);
        var newer = Chat(Sorø, _evening.AddMinutes(-5), number: 3);

        var plan = Router.Plan(Router.InServiceOrder([newer, oldest, returned]).ToList(), [agent], _snapshot, _evening);

        plan.Should().Equal(new Assignment(returned.ChatId, agent.AgentId), new Assignment(oldest.ChatId, agent.AgentId));
    }
}
