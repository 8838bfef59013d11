using NodaTime;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class StatHourTests
{
    private static readonly Instant Hour19 = TenChats.Evening;
    private static readonly Instant Hour20 = TenChats.Evening + Duration.FromHours(1);

    [Fact]
    public void Chats_fold_into_buckets_by_citizen_kommune_and_the_UTC_hour_they_started()
    {
        // Chats 1-6 start 19:00-19:50, 7-10 at 20:00-20:30.
        var buckets = StatHour.Fold(TenChats.All);

        buckets.Select(b => (b.KommuneKode, b.HourStart, b.Figures.Offered)).Should().Equal(
            (TenChats.Fredensborg, Hour19, 1),
            (TenChats.Soroe, Hour19, 5),
            (TenChats.Fredensborg, Hour20, 4));
    }

    [Fact]
    public void The_sum_of_the_buckets_is_the_figures_of_all_the_chats() =>
        StatHour.Sum(StatHour.Fold(TenChats.All)).Should().Be(StatFigures.Sum(TenChats.All));

    [Fact]
    public void A_bucket_adds_its_own_chats_and_refuses_others()
    {
        var first = StatHour.From(TenChats.All[0]);

        first.Add(TenChats.All[1]).Figures.Offered.Should().Be(2);
        FluentActions.Invoking(() => first.Add(TenChats.All[5])).Should().Throw<ArgumentException>("chat 6 is Fredensborg's");
        FluentActions.Invoking(() => first.Add(TenChats.All[6])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Buckets_of_the_same_key_add_up()
    {
        var a = StatHour.From(TenChats.All[0]);
        var b = StatHour.From(TenChats.All[1]);

        a.Add(b).Should().Be(a.Add(TenChats.All[1]));
        FluentActions.Invoking(() => a.Add(StatHour.From(TenChats.All[6]))).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("2026-11-24T19:59:59.999Z", "2026-11-24T19:00:00Z")]
    [InlineData("2026-11-24T20:00:00Z", "2026-11-24T20:00:00Z")]
    [InlineData("1969-12-31T23:30:00Z", "1969-12-31T23:00:00Z")]
    public void The_hour_of_an_instant_is_its_UTC_hour_start(string instant, string hour) =>
        StatHour.HourOf(NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value)
            .Should().Be(NodaTime.Text.InstantPattern.ExtendedIso.Parse(hour).Value);

    [Fact]
    public void A_bucket_starts_on_a_whole_hour() =>
        FluentActions.Invoking(() => new StatHour(340, Hour19 + Duration.FromMinutes(1), StatFigures.Empty)).Should().Throw<ArgumentException>();
}
