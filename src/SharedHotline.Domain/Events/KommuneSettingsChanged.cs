namespace SharedHotline.Domain.Events;

/// <summary>
/// A kommune's settings were changed and stored as <paramref name="Version"/> (or a kommune was added). Every node drops
/// its cached kommuner and re-runs routing, so new hours, website origins and canned answers apply at once everywhere.
/// </summary>
public sealed record KommuneSettingsChanged(int Kommunekode, int Version, Guid ChangedBy, DateTimeOffset At);
