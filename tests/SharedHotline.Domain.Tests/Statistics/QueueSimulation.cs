namespace SharedHotline.Domain.Tests.Statistics;

/// <summary>
/// A Monte-Carlo M/M/n+M queue, first come first served: each arrival's wait is fixed by those before it (the earliest
/// a server frees up after serving them), so it gives up exactly when its patience is shorter than that wait.
/// </summary>
internal static class QueueSimulation
{
    public sealed record Result(double Waited, double Abandoned, double AnsweredWithin);

    public static Result Run(int servers, double arrivalsPerHour, double handleSeconds, double patienceSeconds,
        double thresholdSeconds, int arrivals, int seed)
    {
        var random = new Random(seed);
        var freeAt = new double[servers];
        double now = 0;
        int waited = 0, abandoned = 0, answeredWithin = 0;
        for (var i = 0; i < arrivals; i++)
        {
            now += Exponential(random, 3600 / arrivalsPerHour);
            var first = 0;
            for (var s = 1; s < servers; s++)
            {
                if (freeAt[s] < freeAt[first])
                {
                    first = s;
                }
            }

            var wait = Math.Max(0, freeAt[first] - now);
            if (wait > 0)
            {
                waited++;
            }

            if (wait > Exponential(random, patienceSeconds))
            {
                abandoned++;
                continue;
            }

            if (wait <= thresholdSeconds)
            {
                answeredWithin++;
            }

            freeAt[first] = now + wait + Exponential(random, handleSeconds);
        }

        return new Result((double)waited / arrivals, (double)abandoned / arrivals, (double)answeredWithin / arrivals);
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
