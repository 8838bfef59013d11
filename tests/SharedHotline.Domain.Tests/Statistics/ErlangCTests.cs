using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class ErlangCTests
{
    // Standard Erlang C table, A = 10 Erlang: P(wait) for n = 11..14 servers, and with h = 180 s the service level at
    // t = 20 s and the average speed of answer; recomputed independently of this code before being written down.
    [Theory]
    [InlineData(11, 0.6821, 0.3896, 122.78)]
    [InlineData(12, 0.4494, 0.6402, 40.44)]
    [InlineData(13, 0.2853, 0.7956, 17.12)]
    [InlineData(14, 0.1741, 0.8884, 7.84)]
    [InlineData(15, 0.1020, 0.9415, 3.67)]
    public void Standard_Erlang_C_table_values_for_10_Erlang(int servers, double waiting, double serviceLevel, double asa)
    {
        ErlangC.ProbabilityOfWaiting(servers, 10).Should().BeApproximately(waiting, 5e-5);
        ErlangC.ServiceLevel(servers, 10, 180, 20).Should().BeApproximately(serviceLevel, 5e-5);
        ErlangC.AverageSpeedOfAnswerSeconds(servers, 10, 180).Should().BeApproximately(asa, 5e-3);
    }

    [Theory]
    [InlineData(10, 10, 0.2146)]
    [InlineData(5, 2, 0.0367)]
    [InlineData(1, 1, 0.5)]
    public void Standard_Erlang_B_table_values(int servers, double traffic, double blocking) =>
        ErlangC.ErlangB(servers, traffic).Should().BeApproximately(blocking, 5e-5);

    [Fact]
    public void The_recursion_stays_finite_for_a_large_centre() =>
        ErlangC.ProbabilityOfWaiting(1100, 1000).Should().BeInRange(0, 1).And.BeGreaterThan(0);

    [Fact]
    public void Traffic_at_or_above_the_servers_always_waits_and_never_meets_a_service_level()
    {
        ErlangC.ProbabilityOfWaiting(10, 10).Should().Be(1);
        ErlangC.ServiceLevel(10, 12, 180, 20).Should().Be(0);
        ErlangC.AverageSpeedOfAnswerSeconds(10, 10, 180).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void The_fewest_servers_for_80_percent_in_20_seconds_at_10_Erlang_are_14() =>
        ErlangC.ServersFor(10, 180, 20, 0.8).Should().Be(14);

    [Fact]
    public void A_target_of_100_percent_is_refused() =>
        FluentActions.Invoking(() => ErlangC.ServersFor(10, 180, 20, 1)).Should().Throw<ArgumentOutOfRangeException>();
}
