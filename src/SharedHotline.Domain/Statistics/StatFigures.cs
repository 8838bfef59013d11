using NodaTime;

namespace SharedHotline.Domain.Statistics;

/// <summary>
/// The figures of a set of chats that can be summed: one hour of one kommune (<see cref="StatHour"/>), or any period
/// and set of kommuner. Sums are kept in whole milliseconds so that adding buckets in any order gives the same figures
/// (a projection and a recomputation agree exactly). Rates and percentiles are derived, never stored.
/// </summary>
/// <param name="Offered">Chats started.</param>
/// <param name="Answered">Chats an agent accepted.</param>
/// <param name="Abandoned">Chats the citizen left before anyone accepted them.</param>
/// <param name="WaitMs">The waits of all offered chats (until accepted, or until the end): the time citizens were at risk of giving up.</param>
/// <param name="AnsweredWaitMs">The waits of the answered chats.</param>
/// <param name="AbandonedWaitMs">The waits of the abandoned chats.</param>
/// <param name="HandleMs">The handle times (acceptance to end) of the answered chats.</param>
/// <param name="ServedOwn">Answered in the citizen's kommune's own hours.</param>
/// <param name="ServedShared">Answered in the partnership's shared slots.</param>
/// <param name="ServedOverflow">Answered by the overflow partner.</param>
/// <param name="WaitHistogram">The waits of the answered chats.</param>
/// <param name="HandleHistogram">The handle times of the answered chats.</param>
/// <param name="AbandonHistogram">How long the abandoned chats waited before the citizen left.</param>
public sealed record StatFigures(
    int Offered,
    int Answered,
    int Abandoned,
    long WaitMs,
    long AnsweredWaitMs,
    long AbandonedWaitMs,
    long HandleMs,
    int ServedOwn,
    int ServedShared,
    int ServedOverflow,
    DurationHistogram WaitHistogram,
    DurationHistogram HandleHistogram,
    DurationHistogram AbandonHistogram)
{
    /// <summary>The partnership's default service-level threshold: answered within 60 seconds.</summary>
    public const int DefaultThresholdSeconds = 60;

    public static StatFigures Empty { get; } =
        new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, DurationHistogram.Empty, DurationHistogram.Empty, DurationHistogram.Empty);

    /// <summary>The figures of one chat.</summary>
    public static StatFigures Of(ChatOutcome chat)
    {
        var wait = Milliseconds(chat.Wait);
        var handle = chat.HandleTime is { } h ? Milliseconds(h) : 0;
        return new StatFigures(
            Offered: 1,
            Answered: chat.Answered ? 1 : 0,
            Abandoned: chat.Abandoned ? 1 : 0,
            WaitMs: wait,
            AnsweredWaitMs: chat.Answered ? wait : 0,
            AbandonedWaitMs: chat.Abandoned ? wait : 0,
            HandleMs: handle,
            ServedOwn: chat.Answered && chat.ServedIn == ServedIn.Own ? 1 : 0,
            ServedShared: chat.Answered && chat.ServedIn == ServedIn.Shared ? 1 : 0,
            ServedOverflow: chat.Answered && chat.ServedIn == ServedIn.Overflow ? 1 : 0,
            WaitHistogram: chat.Answered ? DurationHistogram.Empty.Add(chat.Wait) : DurationHistogram.Empty,
            HandleHistogram: chat.HandleTime is { } t ? DurationHistogram.Empty.Add(t) : DurationHistogram.Empty,
            AbandonHistogram: chat.Abandoned ? DurationHistogram.Empty.Add(chat.Wait) : DurationHistogram.Empty);
    }

    public StatFigures Add(StatFigures other) => new(
        checked(Offered + other.Offered),
        checked(Answered + other.Answered),
        checked(Abandoned + other.Abandoned),
        checked(WaitMs + other.WaitMs),
        checked(AnsweredWaitMs + other.AnsweredWaitMs),
        checked(AbandonedWaitMs + other.AbandonedWaitMs),
        checked(HandleMs + other.HandleMs),
        checked(ServedOwn + other.ServedOwn),
        checked(ServedShared + other.ServedShared),
        checked(ServedOverflow + other.ServedOverflow),
        WaitHistogram.Add(other.WaitHistogram),
        HandleHistogram.Add(other.HandleHistogram),
        AbandonHistogram.Add(other.AbandonHistogram));

    public StatFigures Add(ChatOutcome chat) => Add(Of(chat));

    public static StatFigures Sum(IEnumerable<StatFigures> figures) => figures.Aggregate(Empty, (sum, f) => sum.Add(f));

    public static StatFigures Sum(IEnumerable<ChatOutcome> chats) => Sum(chats.Select(Of));

    /// <summary>
    /// The service level: the share of offered chats answered within <paramref name="thresholdSeconds"/> (a wait of
    /// exactly the threshold counts), abandoned and unanswered chats counting against it. Exact when the threshold is a
    /// histogram edge (<see cref="DurationHistogram.IsEdge"/>), estimated within the bin otherwise. Null when nothing was offered.
    /// </summary>
    public double? ServiceLevel(double thresholdSeconds = DefaultThresholdSeconds) =>
        Offered == 0 ? null : WaitHistogram.CountWithin(thresholdSeconds) / Offered;

    /// <summary>The share of offered chats the citizen abandoned; null when nothing was offered.</summary>
    public double? AbandonRate => Offered == 0 ? null : (double)Abandoned / Offered;

    /// <summary>The mean wait of the answered chats (average speed of answer), in seconds; null when none was answered.</summary>
    public double? MeanWaitSeconds => Answered == 0 ? null : AnsweredWaitMs / 1000.0 / Answered;

    /// <summary>The mean handle time of the answered chats, in seconds; null when none was answered.</summary>
    public double? MeanHandleSeconds => Answered == 0 ? null : HandleMs / 1000.0 / Answered;

    /// <summary>
    /// The citizens' mean patience in seconds, assuming exponential patience: every wait is time at risk of giving up,
    /// the abandoned waits end in giving up and the others are cut short (censored), so the estimate is all waiting
    /// time divided by the number abandoned. Null when nobody abandoned (the data then says only "longer than the waits").
    /// </summary>
    public double? MeanPatienceSeconds => Abandoned == 0 ? null : WaitMs / 1000.0 / Abandoned;

    /// <summary>The share of answered chats answered in own hours, shared slots and overflow; null when none was answered.</summary>
    public (double Own, double Shared, double Overflow)? ServedShares => Answered == 0
        ? null
        : ((double)ServedOwn / Answered, (double)ServedShared / Answered, (double)ServedOverflow / Answered);

    private static long Milliseconds(Duration duration) => (long)Math.Round(duration.TotalMilliseconds, MidpointRounding.AwayFromZero);
}
