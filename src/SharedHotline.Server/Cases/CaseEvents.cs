using MassTransit;
using SharedHotline.Domain.Cases;

namespace SharedHotline.Server.Cases;

/// <summary>Publishes a case's events (booked, taken, call recorded, closed, cancelled, moved) after its change is saved.</summary>
public sealed class CaseEvents(IPublishEndpoint bus)
{
    public async Task PublishAsync(Case changed, CancellationToken ct)
    {
        foreach (var e in changed.Events)
        {
            await bus.Publish(e, e.GetType(), ct);
        }
    }
}
