using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>What a client written from docs/protocol.md alone sees on the wire.</summary>
public sealed class WireShapeTests
{
    [Fact]
    public async Task A_closed_hotline_says_so_and_names_the_kommune_of_the_next_opening_as_the_status_does()
    {
        await using var server = await HotlineServer.StartAsync(Demo.FridayEvening);
        await using var citizen = await RawHub.NewCitizenAsync(server);

        var result = await citizen.Connection.InvokeAsync<JsonElement>("StartChat", new { kommune = "soroe", topic = "pas" });
        var status = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/status");

        result.GetProperty("isClosed").GetBoolean().Should().BeTrue();
        result.GetProperty("chat").ValueKind.Should().Be(JsonValueKind.Null);
        var responsible = result.GetProperty("nextOpening").GetProperty("responsibleKommune");
        responsible.GetProperty("slug").GetString().Should().Be("soroe");
        responsible.GetProperty("name").GetString().Should().Be("Sorø");
        status.GetProperty("nextOpening").GetProperty("responsibleKommune").GetRawText().Should().Be(responsible.GetRawText(), "a kommune has one shape wherever it is named");
    }

    [Fact]
    public async Task Enum_arguments_are_taken_as_names_or_as_their_documented_numbers_and_always_answered_as_names()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await using var agent = await RawHub.AgentAsync(server, Demo.FuresoAgent);

        var byNumber = await agent.Connection.InvokeAsync<JsonElement>("SetPresence", 2);
        var byName = await agent.Connection.InvokeAsync<JsonElement>("SetPresence", "Away");
        var unknown = async () => await agent.Connection.InvokeAsync<JsonElement>("SetPresence", 7);

        byNumber.GetProperty("presence").GetString().Should().Be("Available");
        byName.GetProperty("presence").GetString().Should().Be("Away");
        (await unknown.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain("HubException: invalid_argument: ");
    }
}
