using NodaTime;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

/// <summary>
/// Ten chats of one Tuesday evening whose true figures are worked out by hand: Sorø (340) citizens' chats 1-5 and
/// Fredensborg (210) citizens' chats 6-10, ten minutes apart from 19:00 UTC (20:00 in Copenhagen).
/// Answered waits 2, 3, 4, 7, 12, 14, 25, 50 s; handle 300, 420, 600, 200, 240, 500, 180, 900 s; two abandoned after 40 and 100 s.
/// </summary>
internal static class TenChats
{
    public const int Soroe = 340;
    public const int Fredensborg = 210;
    public const int Frederikssund = 250;
    public const int Koebenhavn = 101;

    public static readonly Instant Evening = Instant.FromUtc(2026, 11, 24, 19, 0);

    public static IReadOnlyList<ChatOutcome> All { get; } =
    [
        Answered(0, Soroe, wait: 2, handle: 300, Fredensborg, ServedIn.Shared),
        Answered(1, Soroe, wait: 3, handle: 420, Fredensborg, ServedIn.Shared),
        Answered(2, Soroe, wait: 4, handle: 600, Soroe, ServedIn.Own),
        Answered(3, Soroe, wait: 7, handle: 200, Frederikssund, ServedIn.Shared),
        Answered(4, Soroe, wait: 12, handle: 240, Fredensborg, ServedIn.Shared),
        Answered(5, Fredensborg, wait: 14, handle: 500, Koebenhavn, ServedIn.Overflow),
        Answered(6, Fredensborg, wait: 25, handle: 180, Frederikssund, ServedIn.Shared),
        Answered(7, Fredensborg, wait: 50, handle: 900, Koebenhavn, ServedIn.Overflow),
        Abandoned(8, Fredensborg, wait: 40),
        Abandoned(9, Fredensborg, wait: 100),
    ];

    public static ChatOutcome Answered(int index, int kommune, double wait, double handle, int answeredBy, ServedIn servedIn)
    {
        var started = Evening + Duration.FromMinutes(10 * index);
        var accepted = started + Duration.FromSeconds(wait);
        return new ChatOutcome(Guid.NewGuid(), kommune, "pas", started, accepted, accepted + Duration.FromSeconds(handle),
            answeredBy, servedIn, Abandoned: false);
    }

    public static ChatOutcome Abandoned(int index, int kommune, double wait)
    {
        var started = Evening + Duration.FromMinutes(10 * index);
        return new ChatOutcome(Guid.NewGuid(), kommune, "andet", started, null, started + Duration.FromSeconds(wait), null, null, Abandoned: true);
    }
}
