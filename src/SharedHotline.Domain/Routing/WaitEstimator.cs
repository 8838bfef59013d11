namespace SharedHotline.Domain.Routing;

/// <summary>
/// An honest estimate of the wait at a queue position: the chats ahead are served by the agents of the
/// pool in parallel, each taking the average handle time. With nobody on duty there is no estimate.
/// </summary>
public static class WaitEstimator
{
    public static TimeSpan? Estimate(int position, int agentsInPool, TimeSpan averageHandleTime)
    {
        if (position <= 0)
        {
            return TimeSpan.Zero;
        }

        if (agentsInPool <= 0)
        {
            return null;
        }

        var rounds = (int)Math.Ceiling(position / (double)agentsInPool);
        return averageHandleTime * rounds;
    }
}
