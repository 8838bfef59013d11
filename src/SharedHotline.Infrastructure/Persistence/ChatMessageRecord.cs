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

    /// <summary>The writer's own id for the message; a resend with the same id by the same writer is stored once.</summary>
    public required string ClientMessageId { get; set; }

    public MessageSender Sender { get; set; }
    public Guid? AgentId { get; set; }

    /// <summary>
    /// Who wrote it, as the scope of <see cref="ClientMessageId"/>: <c>citizen</c>, <c>system</c> or <c>agent:{id}</c>.
    /// Two clients that both number their messages 1, 2, 3 must not collide, nor an agent with the colleague who had
    /// the chat before her. Derived from <see cref="Sender"/> and <see cref="AgentId"/>, so it cannot disagree with
    /// them; stored only for the unique index, and the setter ignores what the database gives back.
    /// </summary>
    public string Writer
    {
        get => WriterOf(Sender, AgentId);
        set { }
    }

    public static string WriterOf(MessageSender sender, Guid? agentId) => sender switch
    {
        MessageSender.Citizen => "citizen",
        MessageSender.Agent => $"agent:{agentId:D}",
        _ => "system",
    };

    /// <summary>The name shown with the message: the citizen's optional first name or the agent's first name.</summary>
    public string? SenderName { get; set; }

    public required string Text { get; set; }

    /// <summary>True when the text looks like it holds a CPR number: the agent is warned, logs never see the text.</summary>
    public bool ContainsCpr { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
