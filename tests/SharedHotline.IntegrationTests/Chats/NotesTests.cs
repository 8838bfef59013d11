using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class NotesTests
{
    [Fact]
    public async Task An_internal_note_is_kept_for_staff_and_never_reaches_the_citizen()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        await agent.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var received = new Inbox<ChatMessage>();
        citizen.MessageReceived += received.Add;
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        await agent.AcceptChatAsync(chat.ChatId);

        var note = await agent.AddNoteAsync(chat.ChatId, "Borgeren har ringet før om det samme pas.");
        await agent.SendAsync(chat.ChatId, "Hvad kan jeg hjælpe med?");
        await received.WaitForAsync(m => m.Text == "Hvad kan jeg hjælpe med?");

        note.AuthorName.Should().Be("Mia Søgaard");
        (await agent.GetNotesAsync(chat.ChatId)).Select(n => n.Text).Should().Equal("Borgeren har ringet før om det samme pas.");
        (await citizen.GetHistoryAsync()).Should().NotContain(m => m.Text.Contains("ringet før", StringComparison.Ordinal));
        received.Items.Should().NotContain(m => m.Text.Contains("ringet før", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_agent_the_chat_is_assigned_to_can_write_a_note()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        mia.ChatOffered += offers.Add;
        await mia.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        var hanne = await server.ConnectAgentAsync(Demo.HolbaekAgent);

        var write = () => hanne.AddNoteAsync(chat.ChatId, "Ikke min chat.");
        var empty = () => mia.AddNoteAsync(chat.ChatId, "   ");

        (await write.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccessible);
        (await empty.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.MessageEmpty);
    }
}
