namespace SharedHotline.Infrastructure.LiveState;

public sealed class RedisLiveStateOptions
{
    /// <summary>Prefix of every key and channel, so several installations can share one Redis.</summary>
    public string Prefix { get; set; } = "sharedhotline";

    /// <summary>This node's name; agents connected here stay present while it heartbeats.</summary>
    public string NodeId { get; set; } = Environment.MachineName + "-" + Environment.ProcessId;

    /// <summary>How long a node counts as alive after its last heartbeat.</summary>
    public TimeSpan NodeTtl { get; set; } = TimeSpan.FromSeconds(15);
}
