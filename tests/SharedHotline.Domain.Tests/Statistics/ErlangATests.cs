using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Statistics;

public class ErlangATests
{
    // A = 10 Erlang: 200 chats an hour of 180 s.
    private const double Arrivals = 200;
    private const double Handle = 180;

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Without_abandonment_it_is_Erlang_C(int servers)
    {
        var model = new ErlangA(servers, Arrivals, Handle, double.PositiveInfinity);

        model.Traffic.Should().BeApproximately(10, 1e-12);
        model.ProbabilityOfWaiting.Should().BeApproximately(ErlangC.ProbabilityOfWaiting(servers, 10), 1e-9);
        model.ServiceLevel(20).Should().BeApproximately(ErlangC.ServiceLevel(servers, 10, Handle, 20), 1e-9);
        model.MeanWaitSeconds.Should().BeApproximately(ErlangC.AverageSpeedOfAnswerSeconds(servers, 10, Handle), 1e-6);
        model.ProbabilityOfAbandonment.Should().Be(0);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(14)]
    public void As_patience_grows_it_tends_to_Erlang_C(int servers)
    {
        var patient = new ErlangA(servers, Arrivals, Handle, 1e7);

        patient.ServiceLevel(20).Should().BeApproximately(ErlangC.ServiceLevel(servers, 10, Handle, 20), 1e-3);
        patient.ProbabilityOfAbandonment.Should().BeLessThan(1e-4).And.BeGreaterThan(0);
    }

    [Theory]
    [InlineData(5, 60, 300, 120, 60)]
    [InlineData(12, 200, 180, 300, 20)]
    [InlineData(8, 200, 180, 60, 30)]
    [InlineData(2, 30, 240, 600, 60)]
    public void It_agrees_with_a_simulation(int servers, double arrivals, double handle, double patience, double threshold)
    {
        var model = new ErlangA(servers, arrivals, handle, patience);
        var simulated = QueueSimulation.Run(servers, arrivals, handle, patience, threshold, arrivals: 300_000, seed: 21);

        model.ProbabilityOfWaiting.Should().BeApproximately(simulated.Waited, 0.02);
        model.ProbabilityOfAbandonment.Should().BeApproximately(simulated.Abandoned, 0.02);
        model.ServiceLevel(threshold).Should().BeApproximately(simulated.AnsweredWithin, 0.02);
    }

    [Fact]
    public void Abandonment_equals_patience_rate_times_mean_wait()
    {
        // Citizens leave the queue at rate θ each, so the abandoned share is θ·E[queue]/λ = θ·E[wait].
        var model = new ErlangA(9, Arrivals, Handle, 90);

        model.ProbabilityOfAbandonment.Should().BeApproximately(model.MeanWaitSeconds / 90, 1e-9);
    }

    [Fact]
    public void With_fewer_servers_than_the_traffic_the_queue_stays_finite_and_the_excess_gives_up()
    {
        var model = new ErlangA(8, Arrivals, Handle, 120);

        // 8 servers answer at most 8 of every 10 chats.
        model.ProbabilityOfAbandonment.Should().BeGreaterThan(0.2).And.BeLessThan(1);
        model.ServiceLevel(1e6).Should().BeApproximately(1 - model.ProbabilityOfAbandonment, 1e-6);
    }

    [Fact]
    public void More_servers_answer_more_and_sooner()
    {
        var levels = Enumerable.Range(6, 12).Select(n => new ErlangA(n, Arrivals, Handle, 120)).ToList();

        levels.Select(m => m.ServiceLevel(60)).Should().BeInAscendingOrder();
        levels.Select(m => m.ProbabilityOfAbandonment).Should().BeInDescendingOrder();
        levels.Select(m => m.ProbabilityOfWaiting).Should().BeInDescendingOrder();
    }

    [Fact]
    public void More_patience_means_fewer_give_up_and_a_longer_threshold_a_higher_level()
    {
        double[] patiences = [30, 60, 120, 300, 900];
        double[] thresholds = [0, 5, 20, 60, 300, 3600];
        patiences.Select(p => new ErlangA(10, Arrivals, Handle, p).ProbabilityOfAbandonment).Should().BeInDescendingOrder();
        var model = new ErlangA(10, Arrivals, Handle, 120);
        thresholds.Select(model.ServiceLevel).Should().BeInAscendingOrder();
        model.ServiceLevel(0).Should().BeApproximately(1 - model.ProbabilityOfWaiting, 1e-12);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(120)]
    [InlineData(600)]
    public void Citizens_who_give_up_shorten_the_queue_so_Erlang_C_understates_the_level(double patience)
    {
        // Why staffing uses Erlang A: C assumes everyone waits on, and so asks for more agents than needed.
        new ErlangA(12, Arrivals, Handle, patience).ServiceLevel(20).Should().BeGreaterThan(ErlangC.ServiceLevel(12, 10, Handle, 20));
    }

    [Fact]
    public void No_arrivals_wait_for_nothing()
    {
        var quiet = new ErlangA(1, 0, Handle, 120);

        quiet.ProbabilityOfWaiting.Should().Be(0);
        quiet.ServiceLevel(60).Should().Be(1);
    }

    [Fact]
    public void Overload_without_patience_answers_nobody_in_time()
    {
        var hopeless = new ErlangA(9, Arrivals, Handle, double.PositiveInfinity);

        hopeless.ProbabilityOfWaiting.Should().Be(1);
        hopeless.ServiceLevel(60).Should().Be(0);
        hopeless.MeanWaitSeconds.Should().Be(double.PositiveInfinity);
    }
}
