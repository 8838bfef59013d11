using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Tenancy;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;
using SharedHotline.Server.Rota;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>The queue tells the truth: a citizen who closed the tab leaves it, and closing time settles who still waits.</summary>
public sealed class QueueHousekeepingTests
{
    [Fact]
    public async Task A_citizen_who_closed_the_tab_leaves_the_queue_after_three_minutes_while_one_still_there_keeps_her_place()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var gone = await server.ConnectCitizenAsync();
        var goneChat = (await gone.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        var staying = await server.ConnectCitizenAsync();
        var stayingChat = (await staying.StartChatAsync(new StartChatRequest("soroe", "mitid"))).Chat!;
        await gone.StopAsync();
        await LeftServerAsync(server, goneChat.ChatId);

        await TickAsync(server, TimeSpan.FromMinutes(2));
        (await StateAsync(server, goneChat.ChatId)).Should().Be(ChatState.Queued, "a reload or a network blip is not leaving");
        await TickAsync(server, TimeSpan.FromMinutes(2));

        (await StateAsync(server, goneChat.ChatId)).Should().Be(ChatState.Abandoned);
        (await EndedByAsync(server, goneChat.ChatId)).Should().Be(ChatStateReasons.CitizenGone);
        (await StateAsync(server, stayingChat.ChatId)).Should().Be(ChatState.Queued);
        var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var queue = await agent.GetQueueAsync();
        queue.Chats.Select(c => c.ChatId).Should().Equal(stayingChat.ChatId);

        var back = await server.ConnectCitizenAsync();
        var resumed = await back.ResumeAsync(goneChat.SessionToken);
        resumed.Status.Should().Be(ChatStatus.Abandoned);
        resumed.Messages[^1].Text.Should().Contain("Din plads i køen er opgivet").And.Contain("book et telefonmøde");
    }

    [Fact]
    public async Task At_closing_time_a_waiting_citizen_is_told_when_we_open_again_and_offered_a_telefonmoede_and_her_chat_ends()
    {
        await using var server = await HotlineServer.StartAsync(Demo.FridayEvening.AddMinutes(-63));
        var citizen = await server.ConnectCitizenAsync();
        var states = new Inbox<ChatStateChanged>();
        var messages = new Inbox<ChatMessage>();
        citizen.StateChanged += states.Add;
        citizen.MessageReceived += messages.Add;
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;

        await TickAsync(server, TimeSpan.FromMinutes(5));

        var ended = await states.WaitForAsync(s => s.Status == ChatStatus.Abandoned);
        ended.Reason.Should().Be(ChatStateReasons.Closing);
        (await messages.WaitForAsync(m => m.Sender == Sender.System && m.Text.Contains("lukket", StringComparison.Ordinal))).Text
            .Should().Contain("Vi åbner igen mandag").And.Contain("telefonmøde");
        (await EndedByAsync(server, chat.ChatId)).Should().Be(ChatStateReasons.Closing);
    }

    [Fact]
    public async Task A_kommune_that_keeps_its_queue_at_closing_tells_the_citizen_once_and_her_chat_waits_for_monday()
    {
        await using var server = await HotlineServer.StartAsync(Demo.FridayEvening.AddMinutes(-63));
        await StaffAccounts.WithDbAsync(server, async db =>
        {
            var soroe = await db.Kommuner.SingleAsync(k => k.Slug == "soroe");
            soroe.Settings = soroe.Settings with { QueueAtClosing = QueueAtClosing.WaitForOpening };
            return await db.SaveChangesAsync();
        });
        server.Services.GetRequiredService<RotaProvider>().Invalidate();
        var citizen = await server.ConnectCitizenAsync();
        var states = new Inbox<ChatStateChanged>();
        citizen.StateChanged += states.Add;
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await citizen.StopAsync();

        await TickAsync(server, TimeSpan.FromMinutes(5));
        await TickAsync(server, TimeSpan.FromMinutes(5));
        await TickAsync(server, TimeSpan.FromHours(10));

        (await StateAsync(server, chat.ChatId)).Should().Be(ChatState.Queued, "kept through the night although its citizen is not connected");
        var notices = await StaffAccounts.WithDbAsync(server, db => db.Messages.CountAsync(m => m.ChatId == chat.ChatId && m.Text.Contains("venter")));
        notices.Should().Be(1, "the citizen is told once");
    }

    private static async Task TickAsync(HotlineServer server, TimeSpan by)
    {
        server.Advance(by);
        await server.Services.GetRequiredService<LiveStateMaintenance>().RunOnceAsync(CancellationToken.None);
    }

    // The client's StopAsync returns before the server has handled the disconnect; until it has, a tick still sees her.
    private static async Task LeftServerAsync(HotlineServer server, Guid chatId)
    {
        var connections = server.Services.GetRequiredService<CitizenConnections>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (connections.Chats().Contains(chatId))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static Task<ChatState> StateAsync(HotlineServer server, Guid chatId) =>
        StaffAccounts.WithDbAsync(server, db => db.Chats.Where(c => c.Id == chatId).Select(c => c.State).SingleAsync());

    private static Task<string?> EndedByAsync(HotlineServer server, Guid chatId) =>
        StaffAccounts.WithDbAsync(server, db => db.Chats.Where(c => c.Id == chatId).Select(c => c.EndedBy).SingleAsync());
}
