namespace SharedHotline.Client.Contracts;

/// <summary>Events the server sends to an agent's connections.</summary>
public interface IAgentHubClient
{
    Task ChatOffered(AgentChat chat);
    Task ChatRemoved(ChatRemoved removed);
    Task MessageReceived(ChatMessage message);
    Task Typing(TypingSignal signal);
    Task QueueChanged(QueueOverview queue);

    /// <summary>The server may have missed sending events: fetch the session and the messages not yet seen.</summary>
    Task Resync();
}
