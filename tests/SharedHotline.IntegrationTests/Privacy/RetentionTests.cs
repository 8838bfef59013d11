using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Privacy;

namespace SharedHotline.IntegrationTests.Privacy;

public sealed class RetentionTests
{
    [Fact]
    public async Task An_ended_chat_is_kept_for_the_kommunes_retention_period_and_deleted_by_the_background_job_after_it()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await citizen.SendAsync("Gammel samtale");
        await citizen.EndChatAsync();
        var job = server.Services.GetRequiredService<RetentionJob>();

        server.Advance(TimeSpan.FromDays(89));
        (await job.RunOnceAsync(CancellationToken.None)).Should().Be(0, "Sorø keeps transcripts for 90 days");
        (await ChatCountAsync(server, chat.ChatId)).Should().Be(1);

        server.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await WaitUntilAsync(async () => await ChatCountAsync(server, chat.ChatId) == 0);

        (await StaffAccounts.WithDbAsync(server, db => db.Messages.CountAsync(m => m.ChatId == chat.ChatId))).Should().Be(0);
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/privacy-audit");
        var entry = audit.EnumerateArray().Should().ContainSingle().Which;
        entry.GetProperty("reason").GetString().Should().Be("retention");
        entry.GetProperty("chatId").GetGuid().Should().Be(chat.ChatId);
        entry.GetProperty("actorId").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Retention_follows_each_kommunes_own_period_and_leaves_open_chats_and_other_kommuner_alone()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.WithDbAsync(server, async db =>
        {
            var holbaek = await db.Kommuner.FirstAsync(k => k.Slug == "holbaek");
            holbaek.Settings = holbaek.Settings with { RetentionDays = 7 };
            return await db.SaveChangesAsync();
        });
        var shortLived = await server.ConnectCitizenAsync();
        var holbaekChat = (await shortLived.StartChatAsync(new StartChatRequest("holbaek", "pas"))).Chat!;
        await shortLived.EndChatAsync();
        var stillOpen = await server.ConnectCitizenAsync();
        var openChat = (await stillOpen.StartChatAsync(new StartChatRequest("holbaek", "mitid"))).Chat!;
        var soroe = await server.ConnectCitizenAsync();
        var soroeChat = (await soroe.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await soroe.EndChatAsync();
        var job = server.Services.GetRequiredService<RetentionJob>();

        server.Advance(TimeSpan.FromDays(8));
        await job.RunOnceAsync(CancellationToken.None);

        (await ChatCountAsync(server, holbaekChat.ChatId)).Should().Be(0);
        (await ChatCountAsync(server, openChat.ChatId)).Should().Be(1, "a chat still waiting is not a transcript to expire");
        (await ChatCountAsync(server, soroeChat.ChatId)).Should().Be(1, "Sorø keeps 90 days");
    }

    private static Task<int> ChatCountAsync(HotlineServer server, Guid chatId) =>
        StaffAccounts.WithDbAsync(server, db => db.Chats.CountAsync(c => c.Id == chatId));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the retention job should have run by now");
            await Task.Delay(100);
        }
    }
}
