namespace SharedHotline.Client.Contracts;

/// <summary>An internal note on a chat, written by staff for staff (e.g. for a colleague after a transfer); never shown to the citizen.</summary>
public sealed record ChatNote(Guid NoteId, Guid ChatId, Guid AgentId, string AuthorName, string Text, DateTimeOffset CreatedAt);
