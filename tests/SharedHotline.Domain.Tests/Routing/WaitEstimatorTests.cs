using SharedHotline.Domain.Routing;

namespace SharedHotline.Domain.Tests.Routing;

public class WaitEstimatorTests
{
    private static readonly TimeSpan Handle = TimeSpan.FromMinutes(6);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Nobody_ahead_means_no_wait(int position) =>
        WaitEstimator.Estimate(position, 0, Handle).Should().Be(TimeSpan.Zero);

    [Fact]
    public void With_nobody_on_duty_there_is_no_estimate() =>
        WaitEstimator.Estimate(3, 0, Handle).Should().BeNull();

    [Theory]
    [InlineData(1, 1, 6)]
    [InlineData(3, 1, 18)]
    [InlineData(1, 2, 6)]
    [InlineData(2, 2, 6)]
    [InlineData(3, 2, 12)]
    [InlineData(7, 3, 18)]
    public void Chats_ahead_are_served_in_parallel_rounds_of_the_handle_time(int position, int agents, int expectedMinutes) =>
        WaitEstimator.Estimate(position, agents, Handle).Should().Be(TimeSpan.FromMinutes(expectedMinutes));

    [Fact]
    public void More_agents_never_make_the_estimate_longer()
    {
        for (var position = 1; position <= 20; position++)
        {
            WaitEstimator.Estimate(position, 4, Handle).Should().BeLessThanOrEqualTo(WaitEstimator.Estimate(position, 2, Handle)!.Value);
        }
    }
}
