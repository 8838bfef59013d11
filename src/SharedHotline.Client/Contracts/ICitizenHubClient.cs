namespace SharedHotline.Client.Contracts;

/// <summary>Events the server sends to a citizen's connection.</summary>
public interface ICitizenHubClient
{
    Task MessageReceived(ChatMessage message);
    Task QueueUpdated(QueueStatus status);
    Task ChatStateChanged(ChatStateChanged change);
    Task Typing(TypingSignal signal);

    /// <summary>A case followed with <c>FollowCase</c> changed.</summary>
    Task CaseChanged(CaseChanged change);

    /// <summary>The server may have missed sending events (e.g. Redis was away): resume from the last sequence number.</summary>
    Task Resync();

    /// <summary>This node is draining: reconnect through the load balancer (to another node) and resume (<see cref="ReconnectAdvice"/>).</summary>
    Task Reconnect(ReconnectAdvice advice);
}
