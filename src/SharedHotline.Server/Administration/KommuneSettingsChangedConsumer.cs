using MassTransit;
using SharedHotline.Domain.Events;
using SharedHotline.Server.Chats;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Administration;

/// <summary>
/// On every node: changed kommune settings replace the cached ones (website origins for CORS and frame-ancestors,
/// canned answers, hours), and routing runs again at once, since new own hours may open or close the kommune's queue.
/// </summary>
public sealed class KommuneSettingsChangedConsumer(RotaProvider rota, ChatDispatcher dispatcher, ILogger<KommuneSettingsChangedConsumer> logger) : IConsumer<KommuneSettingsChanged>
{
    public async Task Consume(ConsumeContext<KommuneSettingsChanged> context)
    {
        rota.Invalidate();
        logger.LogInformation("Settings of kommune {Kommunekode} version {Version} are live on this node", context.Message.Kommunekode, context.Message.Version);
        await dispatcher.DispatchAsync(context.CancellationToken);
    }
}
