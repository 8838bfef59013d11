using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Privacy;

namespace SharedHotline.IntegrationTests.Transcripts;

/// <summary>An agent finds an earlier chat by the reference the citizen quotes, under the same rule as by id.</summary>
public sealed class TranscriptByReferenceTests
{
    [Fact]
    public async Task The_reference_a_citizen_quotes_finds_the_transcript_for_the_agent_who_handled_it_and_the_kommunes_own_staff_and_is_logged()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        var chatId = await TranscriptTests.HandledSoroeChatAsync(server, "Hej, jeg mangler mit pas");
        using var handler = await StaffAccounts.ClientAsync(server, Demo.FuresoAgent);
        using var colleague = await StaffAccounts.ClientAsync(server, "sofie.soroe");
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);
        var reference = (await handler.GetFromJsonAsync<JsonElement>($"/api/chats/{chatId}/transcript")).GetProperty("reference").GetString()!;

        var quoted = await handler.GetFromJsonAsync<JsonElement>($"/api/transcripts/by-reference/{Uri.EscapeDataString(" " + reference.ToLowerInvariant() + " ")}");
        var byColleague = await colleague.GetFromJsonAsync<JsonElement>($"/api/transcripts/by-reference/{reference}");

        quoted.GetProperty("chatId").GetGuid().Should().Be(chatId, "case and spaces in what the citizen reads aloud do not matter");
        quoted.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).Should().Contain("Hej, jeg mangler mit pas");
        byColleague.GetProperty("chatId").GetGuid().Should().Be(chatId);
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/transcript-access");
        log.EnumerateArray().Select(e => (e.GetProperty("staffId").GetGuid(), e.GetProperty("chatReference").GetString()!)).Should().Contain(new[]
        {
            (DemoStaff.IdOf("sofie.soroe"), reference),
            (DemoStaff.IdOf(Demo.FuresoAgent), reference),
        });
    }

    [Fact]
    public async Task Another_kommunes_staff_are_refused_by_reference_as_by_id_and_an_unknown_reference_is_not_found()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        var chatId = await TranscriptTests.HandledSoroeChatAsync(server, "Privat");
        using var handler = await StaffAccounts.ClientAsync(server, Demo.FuresoAgent);
        var reference = (await handler.GetFromJsonAsync<JsonElement>($"/api/chats/{chatId}/transcript")).GetProperty("reference").GetString()!;
        using var rosteredColleague = await StaffAccounts.ClientAsync(server, Demo.SecondFuresoAgent);
        using var otherAdmin = await StaffAccounts.ClientAsync(server, "admin");
        using var coordinator = await StaffAccounts.ClientAsync(server, "koordinator");
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);

        foreach (var client in new[] { rosteredColleague, otherAdmin, coordinator })
        {
            using var response = await client.GetAsync($"/api/transcripts/by-reference/{reference}");
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be(HubErrorCodes.ChatNotAccessible);
        }

        using var unknown = await handler.GetAsync("/api/transcripts/by-reference/SOR-ZZZZZZ");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be(HubErrorCodes.ChatNotFound);
        using var anonymous = await server.Http.GetAsync($"/api/transcripts/by-reference/{reference}");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/transcript-access");
        log.EnumerateArray().Select(e => e.GetProperty("staffId").GetGuid()).Should().OnlyContain(id => id == DemoStaff.IdOf(Demo.FuresoAgent), "refused reads are not reads");
    }

    [Fact]
    public async Task What_staff_typed_in_the_search_is_kept_out_of_the_request_log()
    {
        using var output = new StringWriter();
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" }, configure: services =>
            services.AddSingleton(new HotlineLogSink(new TextWriterLogSink(output, HotlineLogging.Formatter(new ConfigurationBuilder().Build())))));
        using var agent = await StaffAccounts.ClientAsync(server, Demo.FuresoAgent);

        (await agent.GetAsync("/api/transcripts/by-reference/20304050")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        for (var i = 0; i < 50 && !output.ToString().Contains("/api/transcripts/by-reference/{reference}", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        output.ToString().Should().Contain("/api/transcripts/by-reference/{reference}").And.NotContain("20304050");
    }
}
