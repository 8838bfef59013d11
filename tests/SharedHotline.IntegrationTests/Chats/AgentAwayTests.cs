using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>When the agent's browser dies the citizen reads that she is away for a moment, and that she is back.</summary>
public sealed class AgentAwayTests
{
    [Fact]
    public async Task The_citizen_reads_that_Mia_is_away_while_her_console_is_gone_and_that_she_is_back_when_it_reconnects()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        var states = new Inbox<ChatStateChanged>();
        citizen.StateChanged += states.Add;

        await agent.StopAsync();

        var away = await states.WaitForAsync(s => s.Reason == ChatStateReasons.AgentAway);
        away.Should().BeEquivalentTo(new { chat.ChatId, Status = ChatStatus.Active, AgentName = "Mia" });

        var again = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var back = await states.WaitForAsync(s => s.Reason == null && s.Status == ChatStatus.Active);
        back.AgentName.Should().Be("Mia");
        (await again.GetSessionAsync()).Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId, "her chat stayed hers through the grace");
    }
}
