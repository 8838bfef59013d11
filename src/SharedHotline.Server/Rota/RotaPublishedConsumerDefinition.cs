using MassTransit;
using SharedHotline.Infrastructure.Messaging;

namespace SharedHotline.Server.Rota;

/// <summary>
/// Every node must see every publication, so the consumer gets a temporary endpoint of its own per node
/// (with a broker: one auto-deleted queue per node rather than one shared, competing queue). Handled one
/// at a time; the bus retries briefly (invalidation is idempotent).
/// </summary>
public sealed class RotaPublishedConsumerDefinition : ConsumerDefinition<RotaPublishedConsumer>
{
    public RotaPublishedConsumerDefinition(MessagingNode node)
    {
        Endpoint(e =>
        {
            e.InstanceId = node.InstanceId;
            e.Temporary = true;
        });
        ConcurrentMessageLimit = 1;
    }
}
