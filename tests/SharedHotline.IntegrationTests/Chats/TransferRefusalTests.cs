using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

/// <summary>
/// A transfer that cannot happen says why, in a code the console can explain, and the chat stays with the agent.
/// Each test ends its chats and lets its agents go, so the next test's chats are routed to its own agents.
/// </summary>
public sealed class TransferRefusalTests(DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    private HotlineServer Server => fixture.Server;

    [Fact]
    public async Task A_transfer_to_herself_or_to_an_id_no_agent_has_is_refused_with_its_own_code()
    {
        var (mia, _, chat) = await Server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        try
        {
            var me = (await mia.GetSessionAsync()).AgentId;

            var toSelf = async () => await mia.TransferChatAsync(chat.ChatId, me);
            var toNobody = async () => await mia.TransferChatAsync(chat.ChatId, Guid.NewGuid());

            (await toSelf.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.TransferToSelf);
            (await toNobody.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.AgentUnknown);
            (await mia.GetSessionAsync()).Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId, "a refused transfer leaves the chat where it was");
        }
        finally
        {
            await mia.EndChatAsync(chat.ChatId);
            await mia.StopAsync();
        }
    }

    [Fact]
    public async Task A_transfer_to_a_colleague_with_no_free_place_says_she_is_at_capacity()
    {
        var peter = await Server.ConnectAgentAsync(Demo.SecondFuresoAgent);
        var offers = new Inbox<AgentChat>();
        peter.ChatOffered += offers.Add;
        var full = await peter.SetPresenceAsync(Presence.Available);
        var citizens = new List<Guid>();
        for (var i = 0; i < full.Capacity; i++)
        {
            var citizen = await Server.ConnectCitizenAsync();
            var started = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
            citizens.Add(started.ChatId);
            await offers.WaitForAsync(o => o.ChatId == started.ChatId);
        }

        var (mia, _, chat) = await Server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        try
        {
            var transfer = async () => await mia.TransferChatAsync(chat.ChatId, full.AgentId);

            (await transfer.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.AgentAtCapacity);
            (await mia.GetSessionAsync()).Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId);
        }
        finally
        {
            await mia.EndChatAsync(chat.ChatId);
            foreach (var chatId in citizens)
            {
                await peter.EndChatAsync(chatId);
            }

            await mia.StopAsync();
            await peter.StopAsync();
        }
    }
}
