using System.Threading.Channels;
using MassTransit;

namespace SharedHotline.Server.Events;

/// <summary>
/// Hands <see cref="Domain.Events.ChatMessageStored"/> to the bus off the message path: a message is stored by one
/// statement (<c>ChatMessageInsert</c>), and an outbox row beside it would double the message's writes. These
/// events are statistics only; the queue is unbounded, so none is dropped while the process runs, and the ones
/// still queued when it dies are lost. Every other chat event goes through the outbox.
/// </summary>
public sealed class DomainEventPublisher(IServiceScopeFactory scopes, Infrastructure.Telemetry.HotlineMetrics metrics, ILogger<DomainEventPublisher> logger) : BackgroundService
{
    private readonly Channel<Domain.Events.ChatMessageStored> _events = Channel.CreateUnbounded<Domain.Events.ChatMessageStored>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Domain.Events.ChatMessageStored domainEvent)
    {
        metrics.MessageStored(domainEvent.KommuneKode, domainEvent.Sender);
        if (!_events.Writer.TryWrite(domainEvent))
        {
            logger.LogWarning("Domain event {EventType} dropped: the publisher has stopped", nameof(Domain.Events.ChatMessageStored));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var domainEvent in _events.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(domainEvent, context => context.MessageId = domainEvent.EventId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Domain event {EventType} could not be published", nameof(Domain.Events.ChatMessageStored));
            }
        }
    }
}
