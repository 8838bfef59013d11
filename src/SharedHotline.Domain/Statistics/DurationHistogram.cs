using System.Globalization;
using System.Text;
using NodaTime;

namespace SharedHotline.Domain.Statistics;

/// <summary>
/// Counts of durations in fixed bins, so that buckets can be summed and percentiles and service levels computed later
/// for any period. A bin holds the durations above the previous edge up to and including its own upper edge
/// (the first bin holds 0 to 5 s; the last, everything above an hour). The edges, in seconds:
/// 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600, and +∞.
/// Immutable: <see cref="Add(Duration)"/> returns a new histogram.
/// </summary>
public sealed class DurationHistogram : IEquatable<DurationHistogram>
{
    /// <summary>The finite upper edges in seconds; a last, open bin follows the last of them.</summary>
    public static IReadOnlyList<int> UpperEdgesSeconds { get; } =
        [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600];

    /// <summary>The number of bins: one per finite edge and the open one.</summary>
    public static int BinCount { get; } = UpperEdgesSeconds.Count + 1;

    public static DurationHistogram Empty { get; } = new(new int[UpperEdgesSeconds.Count + 1]);

    private const string OpenBinLabel = "inf";
    private readonly int[] _counts;

    private DurationHistogram(int[] counts)
    {
        _counts = counts;
        Count = counts.Sum();
    }

    /// <summary>How many durations were counted.</summary>
    public int Count { get; }

    /// <summary>The count of each bin, in edge order (the open bin last).</summary>
    public IReadOnlyList<int> Bins => _counts;

    /// <summary>A histogram from the counts of its <see cref="BinCount"/> bins.</summary>
    public static DurationHistogram FromBins(IReadOnlyList<int> counts)
    {
        if (counts.Count != BinCount || counts.Any(c => c < 0))
        {
            throw new ArgumentException($"A histogram has {BinCount} non-negative counts.", nameof(counts));
        }

        return new DurationHistogram([.. counts]);
    }

    /// <summary>The bin a duration falls in (durations are never negative).</summary>
    public static int BinOf(Duration duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, Duration.Zero);
        for (var i = 0; i < UpperEdgesSeconds.Count; i++)
        {
            if (duration <= Duration.FromSeconds(UpperEdgesSeconds[i]))
            {
                return i;
            }
        }

        return UpperEdgesSeconds.Count;
    }

    /// <summary>True when <paramref name="seconds"/> is a bin edge, where <see cref="CountWithin"/> is exact.</summary>
    public static bool IsEdge(double seconds) => seconds == 0 || UpperEdgesSeconds.Any(e => e == seconds);

    public DurationHistogram Add(Duration duration)
    {
        var counts = (int[])_counts.Clone();
        var bin = BinOf(duration);
        counts[bin] = checked(counts[bin] + 1);
        return new DurationHistogram(counts);
    }

    public DurationHistogram Add(DurationHistogram other)
    {
        var counts = new int[BinCount];
        for (var i = 0; i < BinCount; i++)
        {
            counts[i] = checked(_counts[i] + other._counts[i]);
        }

        return new DurationHistogram(counts);
    }

    public static DurationHistogram Sum(IEnumerable<DurationHistogram> histograms) =>
        histograms.Aggregate(Empty, (sum, h) => sum.Add(h));

    /// <summary>
    /// How many durations were at most <paramref name="seconds"/>: exact when it is a bin edge (<see cref="IsEdge"/>),
    /// otherwise estimated by spreading the counts of the bin it falls in evenly across the bin.
    /// Nothing of the open bin counts below +∞.
    /// </summary>
    public double CountWithin(double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        double within = 0;
        var lower = 0.0;
        for (var i = 0; i < UpperEdgesSeconds.Count; i++)
        {
            var upper = UpperEdgesSeconds[i];
            if (seconds >= upper)
            {
                within += _counts[i];
            }
            else
            {
                return within + (_counts[i] * (seconds - lower) / (upper - lower));
            }

            lower = upper;
        }

        return double.IsPositiveInfinity(seconds) ? within + _counts[^1] : within;
    }

    /// <summary>The share of durations of at most <paramref name="seconds"/> (see <see cref="CountWithin"/>); null when empty.</summary>
    public double? ShareWithin(double seconds) => Count == 0 ? null : CountWithin(seconds) / Count;

    /// <summary>
    /// The <paramref name="p"/>-quantile in seconds (0.5 the median, 0.9 the 90th percentile), estimated from the bins:
    /// the duration at rank p·Count, taken linearly inside the bin that holds that rank as if its durations were spread
    /// evenly. In the open bin the estimate is its lower edge (3600 s): a lower bound. Null when empty.
    /// </summary>
    public double? QuantileSeconds(double p)
    {
        if (p is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "A quantile is between 0 and 1.");
        }

        if (Count == 0)
        {
            return null;
        }

        var rank = p * Count;
        double before = 0;
        for (var i = 0; i < UpperEdgesSeconds.Count; i++)
        {
            var lower = i == 0 ? 0 : UpperEdgesSeconds[i - 1];
            if (_counts[i] > 0 && before + _counts[i] >= rank)
            {
                return lower + ((rank - before) / _counts[i] * (UpperEdgesSeconds[i] - lower));
            }

            before += _counts[i];
        }

        return UpperEdgesSeconds[^1];
    }

    /// <summary>
    /// The compact storage form: the non-empty bins as "upperEdge:count" joined by commas, the open bin as "inf",
    /// e.g. "5:3,10:1,60:2,inf:1"; the empty histogram is "". Read back with <see cref="Parse"/>.
    /// </summary>
    public string Format()
    {
        var text = new StringBuilder();
        for (var i = 0; i < BinCount; i++)
        {
            if (_counts[i] == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(i < UpperEdgesSeconds.Count ? UpperEdgesSeconds[i].ToString(CultureInfo.InvariantCulture) : OpenBinLabel)
                .Append(':')
                .Append(_counts[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Reads the form <see cref="Format"/> writes; unknown edges, repeated bins and negative counts are refused.</summary>
    public static DurationHistogram Parse(string text)
    {
        var counts = new int[BinCount];
        var seen = new bool[BinCount];
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var bin = colon < 0 ? -1 : BinOfLabel(part[..colon]);
            if (bin < 0 || seen[bin]
                || !int.TryParse(part[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new FormatException($"Not a histogram bin: '{part}'.");
            }

            seen[bin] = true;
            counts[bin] = count;
        }

        return new DurationHistogram(counts);
    }

    private static int BinOfLabel(string label)
    {
        if (label == OpenBinLabel)
        {
            return UpperEdgesSeconds.Count;
        }

        return int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var edge)
            ? UpperEdgesSeconds.ToList().IndexOf(edge)
            : -1;
    }

    public bool Equals(DurationHistogram? other) => other is not null && _counts.AsSpan().SequenceEqual(other._counts);

    public override bool Equals(object? obj) => Equals(obj as DurationHistogram);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var count in _counts)
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => Format();
}
