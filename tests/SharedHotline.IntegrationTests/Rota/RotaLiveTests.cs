using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Rota;

/// <summary>A published rota edit changes routing at once, without restart or waiting for the periodic dispatch.</summary>
public sealed class RotaLiveTests
{
    private const string Tonight = "2026-11-24";

    [Fact]
    public async Task After_the_coordinator_swaps_out_the_agent_on_duty_a_new_chat_goes_to_the_covering_agent_and_not_to_them()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var hanne = await server.ConnectAgentAsync(Demo.HolbaekAgent);
        var miaOffers = new Inbox<AgentChat>();
        var hanneOffers = new Inbox<AgentChat>();
        mia.ChatOffered += miaOffers.Add;
        hanne.ChatOffered += hanneOffers.Add;
        await mia.SetPresenceAsync(Presence.Available);
        await hanne.SetPresenceAsync(Presence.Available);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);

        await coordinator.AddExceptionAsync(new
        {
            kind = "Swap",
            date = Tonight,
            patternId = RotaClient.MonThuPatternId,
            fromAgentId = DemoStaff.IdOf(Demo.FuresoAgent),
            toAgentId = DemoStaff.IdOf(Demo.HolbaekAgent),
            note = "Mia er syg",
        });
        var citizen = await server.ConnectCitizenAsync();
        var started = await citizen.StartChatAsync(new StartChatRequest("soroe", "koerekort", "Søs"));

        (await hanneOffers.WaitForAsync(c => c.ChatId == started.Chat!.ChatId)).Kommune.Should().Be("soroe");
        miaOffers.Items.Should().BeEmpty("Mia was swapped out of tonight's slot, though she has the skill and is free");
    }

    [Fact]
    public async Task A_waiting_chat_is_offered_at_once_to_an_agent_the_coordinator_rosters_in()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var hanne = await server.ConnectAgentAsync(Demo.HolbaekAgent);
        var offers = new Inbox<AgentChat>();
        hanne.ChatOffered += offers.Add;
        await hanne.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var started = await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        started.Chat!.Status.Should().Be(ChatStatus.Queued, "Hanne is not rostered in Furesø's week");
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);

        await coordinator.AddExceptionAsync(new { kind = "Swap", date = Tonight, fromAgentId = DemoStaff.IdOf(Demo.SecondFuresoAgent), toAgentId = DemoStaff.IdOf(Demo.HolbaekAgent) });

        // The clock stands still, so the periodic dispatcher does not run: only the published rota can route the chat.
        (await offers.WaitForAsync(c => c.ChatId == started.Chat.ChatId)).Kommune.Should().Be("soroe");
    }

    [Fact]
    public async Task When_the_coordinator_cancels_tonights_slot_the_hotline_is_closed_for_new_chats()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        await mia.SetPresenceAsync(Presence.Available);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);

        await coordinator.AddExceptionAsync(new { kind = "Cancelled", date = Tonight, patternId = RotaClient.MonThuPatternId, note = "Personalemøde" });
        var result = await (await server.ConnectCitizenAsync()).StartChatAsync(new StartChatRequest("soroe", "pas"));

        result.IsClosed.Should().BeTrue();
        result.NextOpening!.Text.Should().Be("Vi åbner igen i morgen kl. 09.00");
    }
}
