using MassTransit;
using SharedHotline.Infrastructure.Messaging;

namespace SharedHotline.Server.Rota;

/// <summary>
/// Every node must see every publication, so the consumer gets a temporary endpoint of its own per node
/// (with a broker: one auto-deleted queue per node rather than one shared, competing queue). Handled one
/// at a time, retried briefly: invalidation is idempotent.
/// </summary>
public sealed class RotaPublishedConsumerDefinition : ConsumerDefinition<RotaPublishedConsumer>
{
    public RotaPublishedConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.InstanceId = MessagingServiceCollectionExtensions.NodeInstanceId;
            e.Temporary = true;
        });
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<RotaPublishedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2000));
}
