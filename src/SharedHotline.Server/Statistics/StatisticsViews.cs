using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Statistics;

namespace SharedHotline.Server.Statistics;

/// <summary>The figures of a set of chats as the API and the page show them: counts, shares (0..1) and seconds.</summary>
public sealed record FiguresView(
    int Offered,
    int Answered,
    int Abandoned,
    double? AbandonRate,
    double? ServiceLevel,
    double? WaitP50Seconds,
    double? WaitP90Seconds,
    double? HandleP50Seconds,
    double? HandleP90Seconds,
    double? AbandonedAfterP50Seconds,
    double? ShareOwn,
    double? ShareShared,
    double? ShareOverflow,
    int MeetingsBooked,
    int MeetingsHeld,
    int MessagesLeft)
{
    public static FiguresView Of(StatGroup? group, int thresholdSeconds)
    {
        var f = group?.Figures ?? StatFigures.Empty;
        var shares = f.ServedShares;
        return new FiguresView(
            f.Offered, f.Answered, f.Abandoned, f.AbandonRate, f.ServiceLevel(thresholdSeconds),
            f.WaitHistogram.QuantileSeconds(0.5), f.WaitHistogram.QuantileSeconds(0.9),
            f.HandleHistogram.QuantileSeconds(0.5), f.HandleHistogram.QuantileSeconds(0.9),
            f.AbandonHistogram.QuantileSeconds(0.5),
            shares?.Own, shares?.Shared, shares?.Overflow,
            group?.MeetingsBooked ?? 0, group?.MeetingsHeld ?? 0, group?.MessagesLeft ?? 0);
    }
}

/// <summary>Invitations to chat on the kommune's website: shown, and how they ended (<see cref="AcceptRate"/>: accepted of shown).</summary>
public sealed record InvitationFiguresView(int Shown, int Accepted, int Declined, int Expired, double? AcceptRate)
{
    public static InvitationFiguresView Of(InvitationCounts? c) =>
        c is null ? new(0, 0, 0, 0, null) : new(c.Shown, c.Accepted, c.Declined, c.Expired, c.Shown == 0 ? null : (double)c.Accepted / c.Shown);
}

public sealed record DayFigures(DateOnly Date, FiguresView Figures, InvitationFiguresView Invitations);

/// <summary>An hour of the week: <see cref="Day"/> 1 = Monday … 7 = Sunday, <see cref="Hour"/> 0-23, Copenhagen wall clock.</summary>
public sealed record HourOfWeekFigures(int Day, int Hour, FiguresView Figures);

public sealed record TopicCount(string Topic, string Name, int Chats);

/// <summary>How many waits fell in each bin, the bin named by its upper edge in seconds (null: over an hour).</summary>
public sealed record WaitBin(int? UpToSeconds, int Answered, int Abandoned);

public sealed record KommuneStatistics(
    KommuneRef Kommune,
    FiguresView Total,
    IReadOnlyList<DayFigures> Days,
    IReadOnlyList<HourOfWeekFigures> HoursOfWeek,
    IReadOnlyList<TopicCount> Topics,
    IReadOnlyList<WaitBin> Waits,
    InvitationFiguresView Invitations);

public sealed record StatisticsReport(
    DateOnly From,
    DateOnly To,
    int ThresholdSeconds,
    IReadOnlyList<KommuneStatistics> Kommuner);

public sealed record SettlementEntry(string Citizen, int Chats, double HandledMinutes);

public sealed record SettlementRow(KommuneRef AnsweredBy, IReadOnlyList<SettlementEntry> Cells, int Chats, double HandledMinutes);

/// <summary>Rows: whose staff answered; columns: whose citizens; with row, column and grand totals.</summary>
public sealed record SettlementView(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<KommuneRef> Citizens,
    IReadOnlyList<SettlementRow> Rows,
    IReadOnlyList<SettlementEntry> ColumnTotals,
    int Chats,
    double HandledMinutes);

public sealed record PartnershipStatistics(string PartnershipId, string Name, StatisticsReport Report, SettlementView Settlement);

/// <summary>A slot of the rota against the forecast need: <see cref="Level"/> is under, well or over.</summary>
public sealed record SlotStaffing(
    DateTimeOffset Start,
    DateTimeOffset End,
    int ResponsibleKommune,
    int Rostered,
    int Needed,
    string Level,
    double ForecastChatsPerHour,
    double ForecastServiceLevel);

public sealed record StaffingView(string PartnershipId, DateOnly From, DateOnly To, int Weeks, int ThresholdSeconds, double Target, int Concurrency, IReadOnlyList<SlotStaffing> Slots);

/// <summary>A kommune the user may see statistics for: <see cref="Kode"/> is its kommunekode (staffing slots name the responsible kommune by it).</summary>
public sealed record ScopeKommune(int Kode, string Slug, string Name);

/// <summary>A partnership the user coordinates: its members and the service level it measures against.</summary>
public sealed record ScopePartnership(string Id, string Name, int ThresholdSeconds, double Target, IReadOnlyList<ScopeKommune> Members);

/// <summary>What the statistics page offers: the partnerships the user coordinates and every kommune whose figures they may read.</summary>
public sealed record StatisticsScope(IReadOnlyList<ScopePartnership> Partnerships, IReadOnlyList<ScopeKommune> Kommuner);

internal static class WaitBins
{
    public static IReadOnlyList<WaitBin> Of(StatFigures figures)
    {
        var edges = DurationHistogram.UpperEdgesSeconds;
        return Enumerable.Range(0, DurationHistogram.BinCount)
            .Select(i => new WaitBin(i < edges.Count ? edges[i] : null, figures.WaitHistogram.Bins[i], figures.AbandonHistogram.Bins[i]))
            .ToList();
    }
}
