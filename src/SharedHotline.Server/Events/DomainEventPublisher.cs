using System.Threading.Channels;
using MassTransit;

namespace SharedHotline.Server.Events;

/// <summary>
/// Hands domain events to the bus off the hot path: a hub call enqueues and returns; a background loop
/// publishes in order. Events are published after the change they describe is stored, so a consumer never
/// sees an event for something that is not in the database. Events still queued when the process dies
/// are lost; nothing a citizen or agent sees depends on them.
/// </summary>
public sealed class DomainEventPublisher(IServiceScopeFactory scopes, ILogger<DomainEventPublisher> logger) : BackgroundService
{
    private readonly Channel<object> _events = Channel.CreateBounded<object>(new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(object domainEvent)
    {
        if (!_events.Writer.TryWrite(domainEvent))
        {
            logger.LogWarning("Domain event {EventType} dropped: the publisher is not running", domainEvent.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var domainEvent in _events.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(domainEvent, domainEvent.GetType(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Domain event {EventType} could not be published", domainEvent.GetType().Name);
            }
        }
    }
}
