using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Routing;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;

namespace SharedHotline.IntegrationTests.Privacy;

public sealed class DeletionTests
{
    [Fact]
    public async Task The_kommunes_admin_deletes_a_chat_by_its_reference_from_the_database_and_the_live_state_and_the_deletion_is_audited()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await AssertDeletionEverywhereAsync(server);
    }

    [Fact]
    public async Task A_deletion_also_clears_the_chat_from_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        await AssertDeletionEverywhereAsync(server);
    }

    [Fact]
    public async Task Only_the_admin_of_the_chats_own_kommune_may_delete_it()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await StaffAccounts.AddAsync(server, "admin.holbaek", 316, ["admin"]);
        using var otherAdmin = await StaffAccounts.ClientAsync(server, "admin.holbaek");
        using var agent = await StaffAccounts.ClientAsync(server, "sofie.soroe");

        using var viaOwnKommune = await otherAdmin.DeleteAsync($"/api/kommuner/holbaek/chats/{chat.ChatId}");
        using var viaSoroe = await otherAdmin.DeleteAsync($"/api/kommuner/soroe/chats/{chat.ChatId}");
        using var byAgent = await agent.DeleteAsync($"/api/kommuner/soroe/chats/{chat.ChatId}");

        viaOwnKommune.StatusCode.Should().Be(HttpStatusCode.NotFound, "Holbæk has no such chat");
        viaSoroe.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byAgent.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await citizen.GetHistoryAsync()).Should().NotBeEmpty("the chat is untouched");
    }

    [Fact]
    public async Task A_deleted_chats_text_is_gone_from_the_sqlite_file_and_its_write_ahead_log()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", Guid.NewGuid().ToString("N"));
        const string Secret = "Mit-hemmelige-anliggende-7Q4Z";
        await using (var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Hotline:DataFolder"] = folder }))
        {
            await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
            var citizen = await server.ConnectCitizenAsync();
            var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
            await citizen.SendAsync(Secret);
            FilesContain(folder, Secret).Should().BeTrue("the test must see the text before the deletion to mean anything");
            using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);

            (await admin.DeleteAsync($"/api/kommuner/soroe/chats/{chat.ChatId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

            FilesContain(folder, Secret).Should().BeFalse("a copy of the files taken after the deletion holds no trace of the chat");
        }

        Directory.Delete(folder, recursive: true);
    }

    private static bool FilesContain(string folder, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        foreach (var path in Directory.GetFiles(folder, "sharedhotline.db*"))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.ToArray().AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task AssertDeletionEverywhereAsync(HotlineServer server)
    {
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await citizen.SendAsync("Slet mig venligst");
        var live = server.Services.GetRequiredService<ILiveState>();
        (await live.GetQueueAsync()).Should().Contain(q => q.ChatId == chat.ChatId, "nobody is signed in, so the chat waits");
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);

        using var response = await admin.DeleteAsync($"/api/kommuner/soroe/chats/{chat.Reference.ToLowerInvariant()}");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await live.GetQueueAsync()).Should().NotContain(q => q.ChatId == chat.ChatId);
        (await live.GetAssignedAgentAsync(chat.ChatId)).Should().BeNull();
        (await StaffAccounts.WithDbAsync(server, db => db.Chats.CountAsync(c => c.Id == chat.ChatId))).Should().Be(0);
        (await StaffAccounts.WithDbAsync(server, db => db.Messages.CountAsync(m => m.ChatId == chat.ChatId))).Should().Be(0);
        var history = () => citizen.GetHistoryAsync();
        (await history.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotFound);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/privacy-audit");
        var entry = audit.EnumerateArray().Should().ContainSingle().Which;
        entry.GetProperty("reason").GetString().Should().Be("citizen-request");
        entry.GetProperty("chatReference").GetString().Should().Be(chat.Reference);
        entry.GetProperty("itemsDeleted").GetInt32().Should().BeGreaterThanOrEqualTo(3, "the receipt, the citizen's message and the closing note");
        entry.GetProperty("actorName").GetString().Should().Be(StaffAccounts.SoroeAdmin);
        using var again = await admin.DeleteAsync($"/api/kommuner/soroe/chats/{chat.ChatId}");
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
