using SharedHotline.Domain.Statistics;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>The bucket tables' summed columns by name, for the raw increments and sums (the same text on SQLite and PostgreSQL).</summary>
internal static class StatColumns
{
    public static readonly string[] Sums =
    [
        "Offered", "Answered", "Abandoned", "WaitMs", "AnsweredWaitMs", "AbandonedWaitMs", "HandleMs",
        "ServedOwn", "ServedShared", "ServedOverflow", "MeetingsBooked", "MeetingsHeld", "MessagesLeft",
    ];

    public static readonly string[] Histograms = ["Wait", "Handle", "Abandon"];

    /// <summary>Every bin column: Wait_B0 … Abandon_B19.</summary>
    public static readonly string[] Bins = [.. Histograms.SelectMany(h => Enumerable.Range(0, StatBins.Count).Select(b => Bin(h, b)))];

    public static string Bin(string histogram, int bin) => $"{histogram}_B{bin}";

    /// <summary>The values of <see cref="Sums"/> for one chat's (or case's) figures.</summary>
    public static object[] SumsOf(StatFigures f, int meetingsBooked, int meetingsHeld, int messagesLeft) =>
    [
        f.Offered, f.Answered, f.Abandoned, f.WaitMs, f.AnsweredWaitMs, f.AbandonedWaitMs, f.HandleMs,
        f.ServedOwn, f.ServedShared, f.ServedOverflow, meetingsBooked, meetingsHeld, messagesLeft,
    ];

    /// <summary>The non-empty bins of the figures' three histograms, as (column, count).</summary>
    public static IEnumerable<(string Column, int Count)> BinsOf(StatFigures f)
    {
        foreach (var (name, histogram) in new[] { ("Wait", f.WaitHistogram), ("Handle", f.HandleHistogram), ("Abandon", f.AbandonHistogram) })
        {
            for (var bin = 0; bin < histogram.Bins.Count; bin++)
            {
                if (histogram.Bins[bin] > 0)
                {
                    yield return (Bin(name, bin), histogram.Bins[bin]);
                }
            }
        }
    }

    public static void CopyBins(StatFigures f, StatBucketRecord record)
    {
        foreach (var (bins, histogram) in new[] { (record.Wait, f.WaitHistogram), (record.Handle, f.HandleHistogram), (record.Abandon, f.AbandonHistogram) })
        {
            for (var bin = 0; bin < histogram.Bins.Count; bin++)
            {
                bins[bin] = histogram.Bins[bin];
            }
        }
    }
}
