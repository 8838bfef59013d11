using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.IntegrationTests.Rota;

namespace SharedHotline.IntegrationTests.ScaleOut;

public sealed class RotaAcrossNodesTests
{
    [Fact]
    public async Task A_rota_change_made_on_node_A_applies_on_node_B_at_once_over_RabbitMQ()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening, withRabbitMq: true);
        var mia = await cluster.NodeB.ConnectAgentAsync(Demo.FuresoAgent);
        var hanne = await cluster.NodeB.ConnectAgentAsync(Demo.HolbaekAgent);
        var miaOffers = new Inbox<AgentChat>();
        var hanneOffers = new Inbox<AgentChat>();
        mia.ChatOffered += miaOffers.Add;
        hanne.ChatOffered += hanneOffers.Add;
        await mia.SetPresenceAsync(Presence.Available);
        (await hanne.SetPresenceAsync(Presence.Available)).ServingKommuner.Should().NotContain("soroe", "Hanne is not rostered in Furesø's week");

        using var coordinator = await RotaClient.SignInAsync(cluster.NodeA, RotaClient.Coordinator);
        await coordinator.AddExceptionAsync(new
        {
            kind = "Swap",
            date = "2026-11-24",
            patternId = RotaClient.MonThuPatternId,
            fromAgentId = DemoStaff.IdOf(Demo.FuresoAgent),
            toAgentId = DemoStaff.IdOf(Demo.HolbaekAgent),
        });

        // The shared clock stands still, so node B's periodic check cannot run: only the bus can carry the change.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(await hanne.GetSessionAsync()).ServingKommuner.Contains("soroe"))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "node B should receive the published rota");
            await Task.Delay(100);
        }

        var citizen = await cluster.NodeB.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "koerekort"))).Chat!;
        (await hanneOffers.WaitForAsync(o => o.ChatId == chat.ChatId)).Kommune.Should().Be("soroe");
        miaOffers.Items.Should().BeEmpty("Mia was swapped out on node A");
        (await cluster.NodeB.Http.GetStringAsync("/health/ready")).Should().Be("Healthy", "the bus is part of readiness");
    }

    [Fact]
    public async Task Without_a_broker_a_rota_change_still_reaches_the_other_node_by_the_periodic_check()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening);
        var hanne = await cluster.NodeB.ConnectAgentAsync(Demo.HolbaekAgent);
        (await hanne.SetPresenceAsync(Presence.Available)).ServingKommuner.Should().NotContain("soroe");
        using var coordinator = await RotaClient.SignInAsync(cluster.NodeA, RotaClient.Coordinator);

        await coordinator.AddExceptionAsync(new { kind = "Swap", date = "2026-11-24", fromAgentId = DemoStaff.IdOf(Demo.FuresoAgent), toAgentId = DemoStaff.IdOf(Demo.HolbaekAgent) });
        await cluster.TickAsync();
        await cluster.TickAsync();

        (await hanne.GetSessionAsync()).ServingKommuner.Should().Contain("soroe");
    }
}
