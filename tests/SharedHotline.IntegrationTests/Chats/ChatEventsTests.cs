using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Events;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class ChatEventsTests
{
    [Fact]
    public async Task A_chats_life_is_published_on_the_bus_without_what_the_citizen_wrote()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var seen = new ConcurrentQueue<object>();
        var bus = server.Services.GetRequiredService<IBus>();
        var endpoint = bus.ConnectReceiveEndpoint("chat-events-test", e =>
        {
            e.Handler<ChatStarted>(c => Record(c.Message));
            e.Handler<ChatAssigned>(c => Record(c.Message));
            e.Handler<ChatMessageStored>(c => Record(c.Message));
            e.Handler<ChatEnded>(c => Record(c.Message));
        });
        await endpoint.Ready;
        var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        await agent.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        await agent.AcceptChatAsync(chat.ChatId);
        await citizen.SendAsync("Mit CPR-nummer er hemmeligt");
        await agent.EndChatAsync(chat.ChatId);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        // The message's event leaves through its own in-process queue, the ending's through the outbox: either may come first.
        while (!(seen.OfType<ChatEnded>().Any() && seen.OfType<ChatMessageStored>().Any(e => e.Sender == "citizen")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        seen.OfType<ChatStarted>().Should().ContainSingle(e => e.ChatId == chat.ChatId && e.KommuneKode == 340 && e.Topic == "pas" && e.Mode == "Shared");
        seen.OfType<ChatAssigned>().Should().ContainSingle(e => e.ChatId == chat.ChatId && e.AgentKommune == 190, "Furesø's staff answered Sorø's citizen: the basis of settlement");
        seen.OfType<ChatMessageStored>().Should().Contain(e => e.ChatId == chat.ChatId && e.Sender == "citizen");
        seen.OfType<ChatEnded>().Should().ContainSingle(e => e.ChatId == chat.ChatId && e.EndedBy == "agent");
        seen.Select(e => e.ToString()).Should().NotContain(s => s!.Contains("hemmeligt", StringComparison.Ordinal));

        Task Record(object message)
        {
            seen.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
