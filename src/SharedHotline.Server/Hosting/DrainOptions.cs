namespace SharedHotline.Server.Hosting;

/// <summary><c>Hotline:Drain</c>: how a node leaves on SIGTERM (docs/operations.md, "Rolling upgrade").</summary>
public sealed class DrainOptions
{
    public const string Section = "Hotline:Drain";

    /// <summary>Between turning not ready and telling clients to move: time for a load balancer that polls readiness to notice.</summary>
    public TimeSpan ReadyDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long the node waits for its clients to move before it closes what is left; keep it inside the grace period.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);
}
