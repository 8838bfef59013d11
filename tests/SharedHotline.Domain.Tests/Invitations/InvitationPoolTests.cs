using SharedHotline.Domain.Invitations;
using SharedHotline.Domain.Routing;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Invitations;

/// <summary>
/// On Tuesday 24 November 2026 at 20:30 Furesø has the shared slot: its rostered agents answer Sorø's (and every
/// member's) citizens. The pool's free places are theirs, less the chats already waiting for them.
/// </summary>
public class InvitationPoolTests
{
    private static readonly DateTimeOffset Evening = LocalOffset(2026, 11, 24, 20, 30);
    private static readonly TimeSpan Handle = TimeSpan.FromMinutes(6);

    [Fact]
    public void The_rostered_agents_free_places_are_the_pools_and_kommuner_on_the_same_slot_share_them()
    {
        var rota = Snapshot();
        IReadOnlyList<AgentPresence> agents = [Presence(Agent(Furesø, 1), Furesø, activeChats: 1, capacity: 3), Presence(Agent(Sorø, 1), Sorø, capacity: 3)];

        var sorø = InvitationPool.Of(Sorø, rota, agents, [], Evening, Handle);
        var holbæk = InvitationPool.Of(Holbæk, rota, agents, [], Evening, Handle);

        sorø.Free.Should().Be(2, "Sorø's own agent is outside Sorø's own hours, so only Furesø's rostered agent answers");
        sorø.ExpectedWait.Should().Be(TimeSpan.Zero);
        holbæk.Pool.Should().Be(sorø.Pool);
    }

    [Fact]
    public void Chats_already_waiting_for_the_pool_take_its_free_places_first()
    {
        var rota = Snapshot();
        IReadOnlyList<AgentPresence> agents = [Presence(Agent(Furesø, 1), Furesø, activeChats: 2, capacity: 3)];
        IReadOnlyList<QueuedChat> queue = [Chat(Holbæk, Evening.AddMinutes(-1))];

        var capacity = InvitationPool.Of(Sorø, rota, agents, queue, Evening, Handle);

        capacity.Free.Should().Be(0);
        capacity.ExpectedWait.Should().BeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public void Away_or_full_agents_and_a_closed_hotline_give_no_place()
    {
        var rota = Snapshot();
        IReadOnlyList<AgentPresence> agents = [Presence(Agent(Furesø, 1), Furesø, status: PresenceStatus.Away), Presence(Agent(Furesø, 2), Furesø, activeChats: 3, capacity: 3)];

        InvitationPool.Of(Sorø, rota, agents, [], Evening, Handle).Free.Should().Be(0);
        InvitationPool.Of(Sorø, rota, [Presence(Agent(Furesø, 1), Furesø)], [], LocalOffset(2026, 11, 24, 23, 0), Handle).Free.Should().Be(0);
    }
}
