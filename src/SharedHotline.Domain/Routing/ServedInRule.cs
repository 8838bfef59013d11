using NodaTime;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Routing;

/// <summary>
/// Where a chat was answered, for the statistics and the settlement: in the citizen's kommune's own hours, on the
/// partnership's shared slots, or by overflow (staff of a kommune outside the citizen's kommune and its partnerships,
/// such as København answering for the partnership). Decided when the chat is first accepted, from the opening it
/// started in: a partner's rostered staff answering in the citizen's kommune's own hours served on the shared rota.
/// </summary>
public static class ServedInRule
{
    public static ServedIn Of(RotaSnapshot rota, int citizenKommune, int answeringKommune, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(rota);
        if (answeringKommune != citizenKommune && !rota.PartnershipsOf(citizenKommune).Any(p => p.Includes(answeringKommune)))
        {
            return ServedIn.Overflow;
        }

        return answeringKommune == citizenKommune && rota.DutyAt(citizenKommune, Instant.FromDateTimeOffset(startedAt)).Mode == OpeningMode.Own
            ? ServedIn.Own
            : ServedIn.Shared;
    }
}
