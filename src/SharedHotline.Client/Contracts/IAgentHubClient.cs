namespace SharedHotline.Client.Contracts;

/// <summary>Events the server sends to an agent's connections.</summary>
public interface IAgentHubClient
{
    Task ChatOffered(AgentChat chat);
    Task ChatRemoved(ChatRemoved removed);
    Task MessageReceived(ChatMessage message);
    Task Typing(TypingSignal signal);
    Task QueueChanged(QueueOverview queue);
}
