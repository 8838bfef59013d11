using NodaTime;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class DurationHistogramTests
{
    // Waits 2, 3, 4 | 7 | 12, 14 | 25 | 50 s: bins <=5: 3, <=10: 1, <=15: 2, <=30: 1, <=60: 1.
    private static readonly DurationHistogram EightWaits = Of(2, 3, 4, 7, 12, 14, 25, 50);

    private static DurationHistogram Of(params double[] seconds) =>
        seconds.Aggregate(DurationHistogram.Empty, (h, s) => h.Add(Duration.FromSeconds(s)));

    [Fact]
    public void The_edges_are_fixed_and_end_in_an_open_bin()
    {
        DurationHistogram.UpperEdgesSeconds.Should().Equal(5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600);
        DurationHistogram.BinCount.Should().Be(20);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    [InlineData(5.001, 1)]
    [InlineData(60, 6)]
    [InlineData(61, 7)]
    [InlineData(3600, 18)]
    [InlineData(3600.5, 19)]
    [InlineData(86400, 19)]
    public void A_bin_holds_durations_up_to_and_including_its_edge(double seconds, int bin) =>
        DurationHistogram.BinOf(Duration.FromSeconds(seconds)).Should().Be(bin);

    [Fact]
    public void Negative_durations_are_refused() =>
        FluentActions.Invoking(() => DurationHistogram.Empty.Add(Duration.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Adding_returns_a_new_histogram_and_leaves_the_old_one_alone()
    {
        var before = Of(7);
        var after = before.Add(Duration.FromSeconds(8));

        before.Count.Should().Be(1);
        after.Count.Should().Be(2);
        after.Bins[1].Should().Be(2);
    }

    [Fact]
    public void The_median_and_90th_percentile_are_interpolated_inside_their_bins()
    {
        // p50: rank 4 is the last of bin (5,10] holding one: 5 + 1/1 * 5 = 10.
        EightWaits.QuantileSeconds(0.5).Should().BeApproximately(10, 1e-9);
        // p90: rank 7.2 lies 0.2 into bin (45,60] holding one: 45 + 0.2 * 15 = 48.
        EightWaits.QuantileSeconds(0.9).Should().BeApproximately(48, 1e-9);
        EightWaits.QuantileSeconds(0).Should().Be(0);
        EightWaits.QuantileSeconds(1).Should().BeApproximately(60, 1e-9);
    }

    [Fact]
    public void A_quantile_in_the_open_bin_is_its_lower_edge_and_an_empty_histogram_has_none()
    {
        Of(4000, 5000).QuantileSeconds(0.5).Should().Be(3600);
        DurationHistogram.Empty.QuantileSeconds(0.5).Should().BeNull();
        DurationHistogram.Empty.ShareWithin(60).Should().BeNull();
    }

    [Fact]
    public void The_share_within_an_edge_is_exact()
    {
        EightWaits.CountWithin(60).Should().Be(8);
        EightWaits.CountWithin(20).Should().Be(6);
        EightWaits.CountWithin(10).Should().Be(4);
        EightWaits.CountWithin(0).Should().Be(0);
        EightWaits.ShareWithin(20).Should().Be(0.75);
        DurationHistogram.IsEdge(20).Should().BeTrue();
    }

    [Fact]
    public void The_share_within_a_time_between_edges_spreads_the_bin_evenly()
    {
        DurationHistogram.IsEdge(25).Should().BeFalse();
        // 6 up to 20 s and half of the one in (20,30].
        EightWaits.CountWithin(25).Should().BeApproximately(6.5, 1e-9);
        Of(4000).CountWithin(7200).Should().Be(0);
        Of(4000).CountWithin(double.PositiveInfinity).Should().Be(1);
    }

    [Fact]
    public void Histograms_sum_bin_by_bin()
    {
        var sum = DurationHistogram.Sum([Of(2, 50), Of(3, 4, 7), Of(12, 14, 25)]);

        sum.Should().Be(EightWaits);
        sum.Count.Should().Be(8);
    }

    [Fact]
    public void The_storage_form_names_the_non_empty_bins_by_their_upper_edge()
    {
        EightWaits.Format().Should().Be("5:3,10:1,15:2,30:1,60:1");
        Of(1, 4000).Format().Should().Be("5:1,inf:1");
        DurationHistogram.Empty.Format().Should().BeEmpty();
    }

    [Fact]
    public void The_storage_form_round_trips()
    {
        var many = Enumerable.Range(0, 500).Aggregate(DurationHistogram.Empty, (h, i) => h.Add(Duration.FromSeconds(i * 17.3)));

        DurationHistogram.Parse(many.Format()).Should().Be(many);
        DurationHistogram.Parse(EightWaits.Format()).Bins.Should().Equal(EightWaits.Bins);
        DurationHistogram.Parse("").Should().Be(DurationHistogram.Empty);
    }

    [Theory]
    [InlineData("7:1")]
    [InlineData("5:1,5:2")]
    [InlineData("5:-1")]
    [InlineData("5")]
    [InlineData("inf:x")]
    public void Malformed_storage_forms_are_refused(string text) =>
        FluentActions.Invoking(() => DurationHistogram.Parse(text)).Should().Throw<FormatException>();

    [Fact]
    public void A_histogram_is_rebuilt_from_its_bins()
    {
        DurationHistogram.FromBins(EightWaits.Bins).Should().Be(EightWaits);
        FluentActions.Invoking(() => DurationHistogram.FromBins([1, 2])).Should().Throw<ArgumentException>();
    }
}
