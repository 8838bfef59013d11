namespace SharedHotline.Domain.Events;

/// <summary>
/// A partnership's rota was changed and stored as <paramref name="Version"/>. Every node drops its cached
/// rota and re-runs routing, so an agent taken off a slot stops being offered chats at once.
/// </summary>
public sealed record RotaPublished(string PartnershipId, int Version, Guid ChangedBy, DateTimeOffset At);
