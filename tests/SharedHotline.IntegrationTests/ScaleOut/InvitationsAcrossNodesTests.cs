using System.Text.Json;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using static SharedHotline.IntegrationTests.Invitations.InvitationClient;

namespace SharedHotline.IntegrationTests.ScaleOut;

/// <summary>
/// Two nodes over one real Redis: Furesø's passport pages ask both nodes at once whether to invite, while Mia (on node
/// A) is the one free agent of the rostered pool. The reservations are counted in Redis, so the two nodes together
/// never hold more invitations than she has free places, round after round.
/// </summary>
public sealed class InvitationsAcrossNodesTests
{
    [Fact]
    public async Task Pages_asking_on_two_nodes_at_once_never_get_more_invitations_than_the_pool_has_free_places()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(cluster.NodeA);
        await SetRulesAsync(admin, "fureso", Rules());
        await cluster.TickAsync();
        await cluster.TickAsync();
        var mia = await cluster.NodeA.ConnectAgentAsync(Demo.FuresoAgent);
        var session = await mia.SetPresenceAsync(Presence.Available);
        await WaitUntilAsync(async () => (await AskAsync(cluster.NodeB.Http)).GetProperty("invite").GetBoolean(), "node B should see the rules and Mia");
        await Task.Delay(50);

        for (var round = 0; round < 5; round++)
        {
            // Each round starts when the previous round's places ran out.
            cluster.Clock.Advance(Server.Invitations.InvitationService.Hold + TimeSpan.FromSeconds(1));
            var asks = Enumerable.Range(0, 24).Select(i => AskAsync(i % 2 == 0 ? cluster.NodeA.Http : cluster.NodeB.Http));

            var answers = await Task.WhenAll(asks);

            var invited = answers.Where(a => a.GetProperty("invite").GetBoolean()).ToList();
            invited.Should().HaveCount(session.Capacity, "Mia has {0} free places (round {1})", session.Capacity, round);
            answers.Where(a => !a.GetProperty("invite").GetBoolean()).Select(a => a.GetProperty("reason").GetString()).Should().OnlyContain(r => r == "busy");
        }

        // A chat Mia takes is a place less for invitations, on either node.
        cluster.Clock.Advance(Server.Invitations.InvitationService.Hold + TimeSpan.FromSeconds(1));
        var citizen = await cluster.NodeB.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("fureso", "pas"));
        await WaitUntilAsync(async () => (await mia.GetSessionAsync()).Chats.Count == 1, "the chat should reach Mia");
        var later = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => AskAsync(i % 2 == 0 ? cluster.NodeA.Http : cluster.NodeB.Http)));
        later.Count(a => a.GetProperty("invite").GetBoolean()).Should().Be(session.Capacity - 1);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, because);
            await Task.Delay(100);
        }
    }
}
