namespace SharedHotline.Domain.Events;

/// <summary>
/// A domain event stored in the outbox with the change that raised it and published at least once: a consumer
/// that must not count one twice remembers <see cref="EventId"/>, which is also the bus message id.
/// </summary>
public interface IDomainEvent
{
    Guid EventId { get; }
}
