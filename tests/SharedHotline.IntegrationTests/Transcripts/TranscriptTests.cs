using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Transcripts;

public sealed class TranscriptTests
{
    [Fact]
    public async Task The_agent_who_handled_a_chat_and_the_kommunes_own_staff_read_its_transcript_and_each_read_is_in_the_access_log()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        var chat = await HandledSoroeChatAsync(server, "Hej, jeg mangler mit pas");
        using var handler = await StaffAccounts.ClientAsync(server, Demo.FuresoAgent);
        using var colleague = await StaffAccounts.ClientAsync(server, "sofie.soroe");
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);

        var byHandler = await handler.GetFromJsonAsync<JsonElement>($"/api/chats/{chat}/transcript");
        var byColleague = await colleague.GetFromJsonAsync<JsonElement>($"/api/chats/{chat}/transcript");

        byHandler.GetProperty("kommune").GetString().Should().Be("soroe");
        byHandler.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).Should().Contain("Hej, jeg mangler mit pas");
        byColleague.GetProperty("messages").GetArrayLength().Should().Be(byHandler.GetProperty("messages").GetArrayLength());
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/transcript-access");
        log.EnumerateArray().Select(e => (e.GetProperty("staffId").GetGuid(), e.GetProperty("reason").GetString())).Should().BeEquivalentTo(new[]
        {
            (DemoStaff.IdOf("sofie.soroe"), "home-kommune"),
            (DemoStaff.IdOf(Demo.FuresoAgent), "handled-chat"),
        });
        var csv = await admin.GetStringAsync("/api/kommuner/soroe/transcript-access/export.csv");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3, "a header and two reads");
        csv.Should().Contain("Mia Søgaard").And.Contain("handled-chat").And.Contain("Sofie Lykkegård");
    }

    [Fact]
    public async Task Staff_of_another_kommune_who_did_not_handle_the_chat_are_refused_and_nothing_is_logged()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        var chat = await HandledSoroeChatAsync(server, "Privat");
        using var rosteredColleague = await StaffAccounts.ClientAsync(server, Demo.SecondFuresoAgent);
        using var otherAdmin = await StaffAccounts.ClientAsync(server, "admin");
        using var coordinator = await StaffAccounts.ClientAsync(server, "koordinator");
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);

        foreach (var client in new[] { rosteredColleague, otherAdmin, coordinator })
        {
            using var response = await client.GetAsync($"/api/chats/{chat}/transcript");
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be(HubErrorCodes.ChatNotAccessible);
        }

        using var log = await admin.GetAsync("/api/kommuner/soroe/transcript-access");
        (await log.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().Should().Be(0);
        using var foreignLog = await otherAdmin.GetAsync("/api/kommuner/soroe/transcript-access");
        foreignLog.StatusCode.Should().Be(HttpStatusCode.Forbidden, "København's admin is not Sorø's data controller");
    }

    [Fact]
    public async Task Citizen_text_is_escaped_in_the_transcript_and_the_answer_is_never_cached()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var chat = await HandledSoroeChatAsync(server, "<script>alert('x')</script> & \"hej\"");
        using var handler = await StaffAccounts.ClientAsync(server, Demo.FuresoAgent);

        using var response = await handler.GetAsync($"/api/chats/{chat}/transcript");
        var raw = await response.Content.ReadAsStringAsync();

        raw.Should().NotContain("<script>").And.Contain("\\u003Cscript\\u003E");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        JsonDocument.Parse(raw).RootElement.GetProperty("messages").EnumerateArray().Should().Contain(m => m.GetProperty("text").GetString() == "<script>alert('x')</script> & \"hej\"");
    }

    /// <summary>A Sorø citizen's chat answered by Mia from Furesø (rostered on Tuesday evening).</summary>
    public static async Task<Guid> HandledSoroeChatAsync(HotlineServer server, string citizenText)
    {
        var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
        await agent.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await agent.AcceptChatAsync(chat.ChatId);
        await citizen.SendAsync(citizenText);
        await agent.SendAsync(chat.ChatId, "Det hjælper jeg gerne med");
        return chat.ChatId;
    }
}
