using NodaTime;

namespace SharedHotline.Domain.Rota;

/// <summary>A stretch of time in which a kommune's citizens are answered, and by whom.</summary>
public sealed record OpeningWindow(ZonedDateTime Start, ZonedDateTime End, OpeningMode Mode, int ResponsibleKommune, string? PartnershipId)
{
    public bool Contains(Instant t) => t >= Start.ToInstant() && t < End.ToInstant();
}
