namespace SharedHotline.Client.Contracts;

/// <summary>Events the server sends to an agent's connections.</summary>
public interface IAgentHubClient
{
    Task ChatOffered(AgentChat chat);
    Task ChatRemoved(ChatRemoved removed);
    Task MessageReceived(ChatMessage message);
    Task Typing(TypingSignal signal);
    Task QueueChanged(QueueOverview queue);

    /// <summary>A telefonmøde or message of the agent's own kommune was booked or changed.</summary>
    Task TasksChanged(TasksChanged change);

    /// <summary>The server may have missed sending events: fetch the session and the messages not yet seen.</summary>
    Task Resync();

    /// <summary>This node is draining: reconnect through the load balancer (to another node) and resume (<see cref="ReconnectAdvice"/>).</summary>
    Task Reconnect(ReconnectAdvice advice);
}
