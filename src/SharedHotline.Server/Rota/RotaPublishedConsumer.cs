using MassTransit;
using SharedHotline.Domain.Events;
using SharedHotline.Server.Chats;

namespace SharedHotline.Server.Rota;

/// <summary>
/// On every node: a published rota replaces the cached one, and routing runs again at once, so an agent
/// taken off the current slot is no longer offered new chats and a newly rostered one gets waiting chats.
/// </summary>
public sealed class RotaPublishedConsumer(RotaProvider rota, ChatDispatcher dispatcher, ILogger<RotaPublishedConsumer> logger) : IConsumer<RotaPublished>
{
    public async Task Consume(ConsumeContext<RotaPublished> context)
    {
        var published = context.Message;
        rota.Invalidate();
        logger.LogInformation("Rota of {PartnershipId} version {Version} is live on this node", published.PartnershipId, published.Version);
        await dispatcher.DispatchAsync(context.CancellationToken);
    }
}
