using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>Handing a chat to a colleague with a word: whom the console offers, and the note the colleague reads.</summary>
public sealed class HandoverTests
{
    [Fact]
    public async Task In_the_evening_the_colleagues_on_the_slot_are_offered_and_the_handover_note_reaches_the_colleague_not_the_citizen()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (mia, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var peter = await server.ConnectAgentAsync(Demo.SecondFuresoAgent);
        var offers = new Inbox<AgentChat>();
        peter.ChatOffered += offers.Add;
        await peter.SetPresenceAsync(Presence.Available);
        var bo = await server.ConnectAgentAsync(Demo.SoroeAgent);
        await bo.SetPresenceAsync(Presence.Available);

        var targets = await mia.GetTransferTargetsAsync(chat.ChatId);
        await mia.TransferChatWithNoteAsync(chat.ChatId, DemoStaff.IdOf(Demo.SecondFuresoAgent), "Borgeren venter på et nyt pas; har allerede bestilt tid.");
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);

        targets.Should().ContainSingle(t => t.AgentId == DemoStaff.IdOf(Demo.SecondFuresoAgent)).Which.Should().Match<TransferTarget>(t => t.OnSlot && t.CanTakeChat && t.HomeKommune == "fureso");
        targets.Should().NotContain(t => t.AgentId == DemoStaff.IdOf(Demo.SoroeAgent), "Sorø's own hours are over and Bo is not on the evening rota");
        var notes = await peter.GetNotesAsync(chat.ChatId);
        notes.Should().ContainSingle().Which.Should().Match<ChatNote>(n => n.AuthorName == "Mia Søgaard" && n.Text.StartsWith("Borgeren venter", StringComparison.Ordinal));
        (await citizen.GetHistoryAsync()).Should().NotContain(m => m.Text.Contains("nyt pas", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_own_hours_colleagues_of_the_citizens_own_kommune_are_offered()
    {
        await using var server = await HotlineServer.StartAsync(Demo.WednesdayMorning);
        var (bo, _, chat) = await server.AcceptedChatAsync(Demo.SoroeAgent, "soroe");
        var sofie = await server.ConnectAgentAsync("sofie.soroe");
        await sofie.SetPresenceAsync(Presence.Available);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        await mia.SetPresenceAsync(Presence.Available);

        var targets = await bo.GetTransferTargetsAsync(chat.ChatId);

        targets.Should().ContainSingle(t => t.AgentId == DemoStaff.IdOf("sofie.soroe")).Which.Should().Match<TransferTarget>(t => !t.OnSlot && t.HomeKommune == "soroe");
        targets.Should().NotContain(t => t.AgentId == DemoStaff.IdOf(Demo.FuresoAgent), "Furesø's staff do not answer Sorø's citizens in Sorø's own hours");
    }

    [Fact]
    public async Task A_refused_transfer_leaves_no_handover_note_and_a_blank_note_is_a_plain_transfer()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (mia, _, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");

        var toSelf = () => mia.TransferChatWithNoteAsync(chat.ChatId, DemoStaff.IdOf(Demo.FuresoAgent), "Til mig selv");
        (await toSelf.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.TransferToSelf);
        (await mia.GetNotesAsync(chat.ChatId)).Should().BeEmpty();

        await mia.TransferChatWithNoteAsync(chat.ChatId, null, "  ");
        (await mia.GetNotesAsync(chat.ChatId)).Should().BeEmpty("a blank note is no note");
        (await mia.GetSessionAsync()).Chats.Should().NotContain(c => c.ChatId == chat.ChatId);
    }
}
