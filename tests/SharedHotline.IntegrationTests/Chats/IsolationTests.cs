using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class IsolationTests
{
    [Fact]
    public async Task An_agent_of_another_kommune_cannot_read_or_join_a_chat_not_assigned_to_them()
    {
        await using var server = await HotlineServer.StartAsync(Demo.WednesdayMorning);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("holbaek", "pas"))).Chat!;
        await citizen.SendAsync("Mit CPR-nummer står på mit sygesikringskort");
        var outsider = await server.ConnectAgentAsync(Demo.SoroeAgent);
        await outsider.SetPresenceAsync(Presence.Available);

        var read = () => outsider.GetChatAsync(chat.ChatId);
        var join = () => outsider.AcceptChatAsync(chat.ChatId);
        var write = () => outsider.SendAsync(chat.ChatId, "Hej");

        (await read.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccessible);
        (await join.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccessible);
        (await write.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccessible);
        (await outsider.GetQueueAsync()).Chats.Should().NotContain(c => c.ChatId == chat.ChatId);
    }

    [Fact]
    public async Task During_a_shared_slot_only_rostered_agents_may_take_a_waiting_chat()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        var holbaek = await server.ConnectAgentAsync(Demo.HolbaekAgent);
        var fureso = await server.ConnectAgentAsync(Demo.FuresoAgent);
        await holbaek.SetPresenceAsync(Presence.Away);
        await fureso.SetPresenceAsync(Presence.Away);

        var steal = () => holbaek.AcceptChatAsync(chat.ChatId);
        (await steal.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccessible);

        (await fureso.GetQueueAsync()).Chats.Should().ContainSingle(c => c.ChatId == chat.ChatId);
        (await fureso.GetChatAsync(chat.ChatId)).Kommune.Should().Be("soroe");
        await fureso.SetPresenceAsync(Presence.Available);
        var taken = await fureso.AcceptChatAsync(chat.ChatId);
        taken.Status.Should().Be(ChatStatus.Active);

        var afterwards = () => holbaek.GetChatAsync(chat.ChatId);
        (await afterwards.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatNotAccessible);
    }

    [Fact]
    public async Task The_agent_hub_refuses_connections_without_a_signed_in_agent()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var anonymous = new SharedHotline.Client.Agents.AgentHubClient(server.BaseAddress, () => Task.FromResult<string?>(null));
        await using var _ = anonymous;

        var act = () => anonymous.ConnectAsync();

        (await act.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }
}
