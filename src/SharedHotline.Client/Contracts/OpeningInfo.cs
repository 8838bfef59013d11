namespace SharedHotline.Client.Contracts;

/// <summary>An opening window in local time (with its UTC offset), the kommune responsible for it, and a Danish sentence for citizens.</summary>
public sealed record OpeningInfo(DateTimeOffset Start, DateTimeOffset End, OpeningModeDto Mode, KommuneRef ResponsibleKommune, string Text);
