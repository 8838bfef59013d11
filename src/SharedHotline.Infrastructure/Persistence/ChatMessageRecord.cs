namespace SharedHotline.Infrastructure.Persistence;

public enum MessageSender
{
    Citizen,
    Agent,
    System,
}

public sealed class ChatMessageRecord
{
    public Guid Id { get; set; }
    public Guid ChatId { get; set; }

    /// <summary>Per-chat sequence number, from 1; unique per chat.</summary>
    public long Seq { get; set; }

    /// <summary>The sender's own id for the message; a resend with the same id is stored once.</summary>
    public required string ClientMessageId { get; set; }

    public MessageSender Sender { get; set; }
    public Guid? AgentId { get; set; }

    /// <summary>The name shown with the message: the citizen's optional first name or the agent's first name.</summary>
    public string? SenderName { get; set; }

    public required string Text { get; set; }

    /// <summary>True when the text looks like it holds a CPR number: the agent is warned, logs never see the text.</summary>
    public bool ContainsCpr { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
