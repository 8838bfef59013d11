using MassTransit;
using SharedHotline.Infrastructure.Messaging;

namespace SharedHotline.Server.Administration;

/// <summary>Like the rota's: a temporary endpoint per node, so that every node sees every change.</summary>
public sealed class KommuneSettingsChangedConsumerDefinition : ConsumerDefinition<KommuneSettingsChangedConsumer>
{
    public KommuneSettingsChangedConsumerDefinition(MessagingNode node)
    {
        Endpoint(e =>
        {
            e.InstanceId = node.InstanceId;
            e.Temporary = true;
        });
        ConcurrentMessageLimit = 1;
    }
}
