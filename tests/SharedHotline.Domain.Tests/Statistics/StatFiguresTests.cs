using NodaTime;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class StatFiguresTests
{
    private static readonly StatFigures Evening = StatFigures.Sum(TenChats.All);

    [Fact]
    public void The_counts_of_the_ten_chats_are_the_hand_counted_ones()
    {
        Evening.Offered.Should().Be(10);
        Evening.Answered.Should().Be(8);
        Evening.Abandoned.Should().Be(2);
        (Evening.ServedOwn, Evening.ServedShared, Evening.ServedOverflow).Should().Be((1, 5, 2));
        Evening.AbandonRate.Should().Be(0.2);
    }

    [Fact]
    public void The_service_level_counts_abandoned_chats_against_it()
    {
        Evening.ServiceLevel().Should().Be(0.8);
        Evening.ServiceLevel(20).Should().Be(0.6);
        Evening.ServiceLevel(10).Should().Be(0.4);
    }

    [Fact]
    public void Means_are_of_the_answered_chats_and_patience_of_all_waiting()
    {
        Evening.MeanWaitSeconds.Should().BeApproximately(117 / 8.0, 1e-9);
        Evening.MeanHandleSeconds.Should().BeApproximately(3340 / 8.0, 1e-9);
        Evening.AbandonedWaitMs.Should().Be(140_000);
        // All waiting time 117 + 40 + 100 = 257 s over two who gave up.
        Evening.MeanPatienceSeconds.Should().BeApproximately(128.5, 1e-9);
    }

    [Fact]
    public void Wait_and_handle_percentiles_come_from_the_histograms()
    {
        Evening.WaitHistogram.QuantileSeconds(0.5).Should().BeApproximately(10, 1e-9);
        Evening.WaitHistogram.QuantileSeconds(0.9).Should().BeApproximately(48, 1e-9);
        // Handle 180 | 200, 240 | 300 | 420 | 500, 600 | 900: p50 rank 4 ends bin (240,300]; p90 rank 7.2 is 0.2 into (600,900].
        Evening.HandleHistogram.QuantileSeconds(0.5).Should().BeApproximately(300, 1e-9);
        Evening.HandleHistogram.QuantileSeconds(0.9).Should().BeApproximately(660, 1e-9);
        Evening.AbandonHistogram.Format().Should().Be("45:1,120:1");
    }

    [Fact]
    public void The_served_shares_are_of_the_answered_chats()
    {
        Evening.ServedShares.Should().Be((1 / 8.0, 5 / 8.0, 2 / 8.0));
        StatFigures.Empty.ServedShares.Should().BeNull();
    }

    [Fact]
    public void Nothing_offered_gives_no_rates()
    {
        StatFigures.Empty.ServiceLevel().Should().BeNull();
        StatFigures.Empty.AbandonRate.Should().BeNull();
        StatFigures.Empty.MeanWaitSeconds.Should().BeNull();
        StatFigures.Empty.MeanPatienceSeconds.Should().BeNull();
    }

    [Fact]
    public void A_chat_the_system_ended_unanswered_is_offered_but_neither_answered_nor_abandoned()
    {
        var started = TenChats.Evening;
        var closed = new ChatOutcome(Guid.NewGuid(), 340, "pas", started, null, started + Duration.FromMinutes(3), null, null, Abandoned: false);

        var figures = StatFigures.Of(closed);

        (figures.Offered, figures.Answered, figures.Abandoned).Should().Be((1, 0, 0));
        figures.WaitMs.Should().Be(180_000);
        figures.ServiceLevel().Should().Be(0);
    }

    [Fact]
    public void Summing_in_any_order_gives_the_same_figures()
    {
        var reversed = StatFigures.Sum(TenChats.All.Reverse());

        reversed.Should().Be(Evening);
    }
}
