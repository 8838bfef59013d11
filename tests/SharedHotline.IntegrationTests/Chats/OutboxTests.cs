using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Events;
using SharedHotline.Infrastructure.Messaging;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class OutboxTests
{
    private static Dictionary<string, string?> Settings(string dataFolder) => new()
    {
        ["Hotline:DataFolder"] = dataFolder,
        ["Hotline:Outbox:Publish"] = "false",
    };

    [Fact]
    public async Task An_event_committed_by_a_server_that_stopped_before_publishing_it_is_published_by_the_next_one()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "outbox-" + Guid.NewGuid().ToString("N"));
        Guid chatId;
        await using (var first = await HotlineServer.StartAsync(Demo.TuesdayEvening, Settings(dataFolder)))
        {
            var citizen = await first.ConnectCitizenAsync();
            chatId = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!.ChatId;
        }

        await using var second = await HotlineServer.StartAsync(Demo.TuesdayEvening, Settings(dataFolder));
        var seen = new ConcurrentQueue<(ChatStarted Event, Guid? MessageId)>();
        var endpoint = second.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("outbox-restart-test", e =>
            e.Handler<ChatStarted>(c =>
            {
                seen.Enqueue((c.Message, c.MessageId));
                return Task.CompletedTask;
            }));
        await endpoint.Ready;

        var publisher = second.Services.GetRequiredService<OutboxPublisher>();
        (await publisher.PublishBatchAsync(CancellationToken.None)).Should().BeGreaterThan(0);
        await WaitUntilAsync(() => seen.Any(s => s.Event.ChatId == chatId));

        var started = seen.Single(s => s.Event.ChatId == chatId);
        started.MessageId.Should().Be(started.Event.EventId, "consumers recognise a repeated event by its id");
        (await publisher.PublishBatchAsync(CancellationToken.None)).Should().Be(0, "a published event is marked sent");
    }

    [Fact]
    public async Task Two_publishers_at_the_same_moment_publish_each_stored_event_once()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "outbox-" + Guid.NewGuid().ToString("N"));
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, Settings(dataFolder));
        var seen = new ConcurrentQueue<Guid>();
        var endpoint = server.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("outbox-race-test", e =>
            e.Handler<ChatStarted>(c =>
            {
                seen.Enqueue(c.Message.EventId);
                return Task.CompletedTask;
            }));
        await endpoint.Ready;
        for (var i = 0; i < 5; i++)
        {
            var citizen = await server.ConnectCitizenAsync();
            await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        }

        var publisher = server.Services.GetRequiredService<OutboxPublisher>();
        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => publisher.PublishBatchAsync(CancellationToken.None))));
        claimed.Sum().Should().Be(5, "every row is claimed by exactly one of them");
        await WaitUntilAsync(() => seen.Count >= 5);
        await Task.Delay(200);
        seen.Should().OnlyHaveUniqueItems().And.HaveCount(5);

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        (await db.OutboxMessages.CountAsync(o => o.SentAt == null)).Should().Be(0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        condition().Should().BeTrue();
    }
}
