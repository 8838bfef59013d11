using NodaTime;

namespace SharedHotline.Domain.Statistics;

/// <summary>
/// The bucket the projection stores: the <see cref="Figures"/> of the chats of one citizen's kommune that started in
/// one UTC hour. UTC hours suffice for Danish wall-clock grouping because Danish offsets are whole hours
/// (<see cref="StatGrouping"/> maps them to local days and hours of the week).
/// </summary>
/// <param name="HourStart">The start of the UTC hour the chats started in.</param>
public sealed record StatHour(int KommuneKode, Instant HourStart, StatFigures Figures)
{
    public Instant HourStart { get; init; } = HourStart == HourOf(HourStart)
        ? HourStart
        : throw new ArgumentException("A bucket starts on a whole UTC hour.", nameof(HourStart));

    /// <summary>The start of the UTC hour <paramref name="instant"/> falls in.</summary>
    public static Instant HourOf(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks - ((ticks % NodaConstants.TicksPerHour + NodaConstants.TicksPerHour) % NodaConstants.TicksPerHour));
    }

    /// <summary>The bucket of one chat: its citizen's kommune and the hour it started.</summary>
    public static StatHour From(ChatOutcome chat) => new(chat.KommuneKode, HourOf(chat.StartedAt), StatFigures.Of(chat));

    /// <summary>Adds a chat of this bucket's kommune and hour; any other chat is refused.</summary>
    public StatHour Add(ChatOutcome chat)
    {
        if (chat.KommuneKode != KommuneKode || HourOf(chat.StartedAt) != HourStart)
        {
            throw new ArgumentException("The chat belongs to another bucket.", nameof(chat));
        }

        return this with { Figures = Figures.Add(chat) };
    }

    /// <summary>Adds a bucket of the same kommune and hour (e.g. two nodes' partial counts).</summary>
    public StatHour Add(StatHour other)
    {
        if (other.KommuneKode != KommuneKode || other.HourStart != HourStart)
        {
            throw new ArgumentException("The bucket is of another kommune or hour.", nameof(other));
        }

        return this with { Figures = Figures.Add(other.Figures) };
    }

    /// <summary>The buckets of a set of chats, ordered by hour then kommune.</summary>
    public static IReadOnlyList<StatHour> Fold(IEnumerable<ChatOutcome> chats) =>
        [.. chats
            .GroupBy(c => (c.KommuneKode, Hour: HourOf(c.StartedAt)))
            .Select(g => new StatHour(g.Key.KommuneKode, g.Key.Hour, StatFigures.Sum(g)))
            .OrderBy(b => b.HourStart)
            .ThenBy(b => b.KommuneKode)];

    /// <summary>The figures of any set of buckets: a period, a kommune, a partnership.</summary>
    public static StatFigures Sum(IEnumerable<StatHour> buckets) => StatFigures.Sum(buckets.Select(b => b.Figures));
}
