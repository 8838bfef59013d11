namespace SharedHotline.Infrastructure.Persistence;

/// <summary>An agent's internal note on a chat: seen by staff who may see the chat, never by the citizen.</summary>
public sealed class ChatNoteRecord
{
    public Guid Id { get; set; }
    public Guid ChatId { get; set; }
    public Guid AgentId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
