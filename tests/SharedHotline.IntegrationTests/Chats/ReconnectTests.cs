using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class ReconnectTests
{
    [Fact]
    public async Task A_citizen_who_drops_and_reconnects_sees_the_whole_history_including_what_was_sent_while_away()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        await agent.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        await agent.AcceptChatAsync(chat.ChatId);
        await citizen.SendAsync("Mit pas er udløbet.");
        await agent.SendAsync(chat.ChatId, "Du kan bestille tid i borgerservice.");
        var token = citizen.SessionToken!;
        await citizen.StopAsync();

        await agent.SendAsync(chat.ChatId, "Er du der stadig?");

        await using var again = new CitizenHubClient(server.BaseAddress);
        await again.ConnectAsync();
        var resumed = await again.ResumeAsync(token);

        resumed.Status.Should().Be(ChatStatus.Active);
        resumed.AgentName.Should().Be("Mia");
        resumed.Messages.Select(m => m.Seq).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        resumed.Messages.Select(m => m.Text).Should().ContainInOrder("Mit pas er udløbet.", "Du kan bestille tid i borgerservice.", "Er du der stadig?");
        resumed.Messages[0].Text.Should().Contain(chat.Reference, "the first message is the receipt with the reference");
    }

    [Fact]
    public async Task Resuming_after_a_sequence_number_replays_only_what_was_missed()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        await citizen.SendAsync("én");
        var ack = await citizen.SendAsync("to");
        await citizen.SendAsync("tre");

        await using var again = new CitizenHubClient(server.BaseAddress);
        await again.ConnectAsync();
        var chat = await again.ResumeAsync(citizen.SessionToken!);
        var history = await again.GetHistoryAsync();

        history.Select(m => m.Text).Should().ContainInOrder("én", "to", "tre");
        chat.Messages.Should().HaveCount(history.Count);
        var afterTo = history.Where(m => m.Seq > ack.Seq).Select(m => m.Text);
        afterTo.Should().Equal("tre");
    }

    [Fact]
    public async Task A_resent_message_with_the_same_client_id_is_stored_once()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));

        var first = await citizen.SendAsync("Hej, jeg har et spørgsmål", "client-msg-1");
        var resend = await citizen.SendAsync("Hej, jeg har et spørgsmål", "client-msg-1");

        first.Duplicate.Should().BeFalse();
        resend.Duplicate.Should().BeTrue();
        resend.MessageId.Should().Be(first.MessageId);
        resend.Seq.Should().Be(first.Seq);
        (await citizen.GetHistoryAsync()).Count(m => m.ClientMessageId == "client-msg-1").Should().Be(1);
    }

    [Fact]
    public async Task Open_chats_survive_a_server_restart_and_go_back_in_the_queue_with_their_history()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "restart-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Hotline:DataFolder"] = dataFolder };
        string token;
        await using (var first = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings))
        {
            var citizen = await first.ConnectCitizenAsync();
            await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
            await citizen.SendAsync("Gemt før genstart");
            token = citizen.SessionToken!;
        }

        await using var second = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings);
        var agent = await second.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        var again = await second.ConnectCitizenAsync();
        var resumed = await again.ResumeAsync(token);
        resumed.Status.Should().Be(ChatStatus.Queued);
        await agent.SetPresenceAsync(Presence.Available);

        (await offers.WaitForAsync(o => o.ChatId == resumed.ChatId)).Messages.Should().Contain(m => m.Text == "Gemt før genstart");
    }
}
