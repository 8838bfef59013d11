using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>
/// One precision on the wire: every time a hub sends is whole milliseconds with three decimals, so the copy of a
/// message in an acknowledgement, a live event, a repeat acknowledgement and the history are the same string.
/// </summary>
public sealed class TimestampTests(DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private const string Milliseconds = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$";

    [Fact]
    public async Task Every_copy_of_a_message_carries_the_same_time_in_whole_milliseconds()
    {
        var server = fixture.Server;
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        await using var citizenTab = await RawHub.CitizenAsync(server, citizen.SessionToken!);
        await using var agentWindow = await RawHub.AgentAsync(server, Demo.FuresoAgent);
        try
        {
            // The clock between two milliseconds, as it nearly always is.
            server.Advance(TimeSpan.FromTicks(1_234_567));
            var expected = server.Time.GetUtcNow();
            expected = expected.AddTicks(-(expected.Ticks % TimeSpan.TicksPerMillisecond));

            var ack = await citizenTab.Connection.InvokeAsync<JsonElement>("SendMessage", citizen.SessionToken, "t1", "Hvornår åbner I?");
            var repeat = await citizenTab.Connection.InvokeAsync<JsonElement>("SendMessage", citizen.SessionToken, "t1", "Hvornår åbner I?");
            var messageId = ack.GetProperty("messageId").GetGuid();
            var live = await agentWindow.Messages.WaitForAsync(m => m.GetProperty("messageId").GetGuid() == messageId);
            var history = await citizenTab.Connection.InvokeAsync<JsonElement>("GetHistory", citizen.SessionToken);
            var stored = history.EnumerateArray().Single(m => m.GetProperty("messageId").GetGuid() == messageId);
            var agentChat = await agentWindow.Connection.InvokeAsync<JsonElement>("GetChat", chat.ChatId);

            var times = new[] { ack, repeat, live, stored }.Select(e => e.GetProperty("sentAt").GetString()!).ToList();
            times.Should().AllBe(times[0], "an acknowledgement, its repeat, the live copy and the history show one time");
            times[0].Should().MatchRegex(Milliseconds);
            DateTimeOffset.Parse(times[0], CultureInfo.InvariantCulture).Should().Be(expected);
            agentChat.GetProperty("createdAt").GetString().Should().MatchRegex(Milliseconds, "every time a hub sends has the same precision");
        }
        finally
        {
            await agent.EndChatAsync(chat.ChatId);
            await agent.StopAsync();
        }
    }
}
