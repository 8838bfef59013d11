using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Routing;

public sealed class RoutingScenarioTests
{
    [Fact]
    public async Task Sorø_citizen_at_20_30_on_Tuesday_is_answered_by_the_rostered_agent_of_another_kommune()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var rostered = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var notRostered = await server.ConnectAgentAsync(Demo.SoroeAgent);
        var offers = new Inbox<AgentChat>();
        var strayOffers = new Inbox<AgentChat>();
        rostered.ChatOffered += offers.Add;
        notRostered.ChatOffered += strayOffers.Add;
        await rostered.SetPresenceAsync(Presence.Available);
        await notRostered.SetPresenceAsync(Presence.Available);

        var citizen = await server.ConnectCitizenAsync();
        var states = new Inbox<ChatStateChanged>();
        var received = new Inbox<ChatMessage>();
        citizen.StateChanged += states.Add;
        citizen.MessageReceived += received.Add;
        var started = await citizen.StartChatAsync(new StartChatRequest("soroe", "pas", "Søren"));

        started.IsClosed.Should().BeFalse();
        var offer = await offers.WaitForAsync(c => c.ChatId == started.Chat!.ChatId);
        offer.Kommune.Should().Be("soroe");
        offer.KommuneName.Should().Be("Sorø");
        offer.Topic.Should().Be("pas");
        offer.CitizenName.Should().Be("Søren");
        offer.CannedAnswers.Should().NotBeEmpty();

        await rostered.AcceptChatAsync(offer.ChatId);
        (await states.WaitForAsync(s => s.Status == ChatStatus.Active)).AgentName.Should().Be("Mia");

        var agentInbox = new Inbox<ChatMessage>();
        rostered.MessageReceived += agentInbox.Add;
        await citizen.SendAsync("Hvordan fornyer jeg mit pas?");
        (await agentInbox.WaitForAsync(m => m.Sender == Sender.Citizen)).Text.Should().Be("Hvordan fornyer jeg mit pas?");
        await rostered.SendAsync(offer.ChatId, "Det kan du bestille på borger.dk – jeg sender et link.");
        (await received.WaitForAsync(m => m.Sender == Sender.Agent)).Text.Should().Be("Det kan du bestille på borger.dk – jeg sender et link.");

        strayOffers.Items.Should().BeEmpty("a Sorø agent is not rostered in Furesø's week");
    }

    [Fact]
    public async Task Holbæk_citizen_at_10_on_a_weekday_goes_to_Holbæks_own_staff()
    {
        await using var server = await HotlineServer.StartAsync(Demo.WednesdayMorning);
        var holbaek = await server.ConnectAgentAsync(Demo.HolbaekAgent);
        var fureso = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var holbaekOffers = new Inbox<AgentChat>();
        var furesoOffers = new Inbox<AgentChat>();
        holbaek.ChatOffered += holbaekOffers.Add;
        fureso.ChatOffered += furesoOffers.Add;
        await fureso.SetPresenceAsync(Presence.Available);
        await holbaek.SetPresenceAsync(Presence.Available);

        var citizen = await server.ConnectCitizenAsync();
        var started = await citizen.StartChatAsync(new StartChatRequest("holbaek", "folkeregister"));

        (await holbaekOffers.WaitForAsync(c => c.ChatId == started.Chat!.ChatId)).Kommune.Should().Be("holbaek");
        furesoOffers.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Friday_at_19_the_hotline_is_closed_and_says_when_it_opens_in_local_time()
    {
        await using var server = await HotlineServer.StartAsync(Demo.FridayEvening);
        var citizen = await server.ConnectCitizenAsync();

        var result = await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));

        result.IsClosed.Should().BeTrue();
        result.NextOpening!.Start.Should().Be(Demo.NextMondayMorning);
        result.NextOpening.Start.Offset.Should().Be(TimeSpan.FromHours(1));
        result.NextOpening.Text.Should().Be("Vi åbner igen mandag kl. 09.00");
        result.NextOpening.Mode.Should().Be(OpeningModeDto.Own);
    }

    [Fact]
    public async Task København_citizens_at_21_30_on_a_Sunday_reach_Københavns_hotline()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var agent = await server.ConnectAgentAsync(Demo.KoebenhavnAgent);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        await agent.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();

        var result = await citizen.StartChatAsync(new StartChatRequest("koebenhavn", "mitid"));

        result.IsClosed.Should().BeFalse();
        (await offers.WaitForAsync(c => c.ChatId == result.Chat!.ChatId)).KommuneName.Should().Be("København");
        var sorø = await (await server.ConnectCitizenAsync()).StartChatAsync(new StartChatRequest("soroe", "mitid"));
        sorø.IsClosed.Should().BeTrue("Sorø has no Sunday hours and the partnership no Sunday slot");
    }

    [Fact]
    public async Task A_chat_waiting_past_the_overflow_threshold_reaches_Københavns_hotline()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var koebenhavn = await server.ConnectAgentAsync(Demo.KoebenhavnAgent);
        var offers = new Inbox<AgentChat>();
        koebenhavn.ChatOffered += offers.Add;
        await koebenhavn.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var started = await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        started.Chat!.Status.Should().Be(ChatStatus.Queued, "nobody rostered is signed in");

        server.Advance(TimeSpan.FromMinutes(5) + Server.Chats.LiveStateMaintenance.Interval);

        (await offers.WaitForAsync(c => c.ChatId == started.Chat.ChatId)).Kommune.Should().Be("soroe");
    }
}
