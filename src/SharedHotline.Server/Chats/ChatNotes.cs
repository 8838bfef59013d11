using Microsoft.EntityFrameworkCore;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Internal notes on a chat. The agent the chat is assigned to writes them; whoever may see the chat (its
/// agent, or an agent who may take it from the queue, e.g. after a transfer) reads them. The citizen's hub
/// has no way to reach them. Logs carry ids only, never the note's text.
/// </summary>
public sealed class ChatNotes(HotlineDbContext db, AgentChats chats, TimeProvider time, ILogger<ChatNotes> logger)
{
    public async Task<ChatNote> AddAsync(Guid agentId, Guid chatId, string? text, CancellationToken ct)
    {
        var chat = await chats.RequireAccessAsync(agentId, chatId, assignedOnly: true, ct);
        var body = MessageText.Validate(text);
        var author = await db.Staff.AsNoTracking().Where(s => s.Id == agentId).Select(s => s.DisplayName).FirstAsync(ct);
        var now = time.GetUtcNow();
        var note = new ChatNoteRecord { Id = Guid.CreateVersion7(now), ChatId = chat.Id, AgentId = agentId, AuthorName = author, Text = body, CreatedAt = now };
        db.Notes.Add(note);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Chat {ChatId} internal note {NoteId} added by {AgentId}", chat.Id, note.Id, agentId);
        return ToContract(note);
    }

    public async Task<IReadOnlyList<ChatNote>> ListAsync(Guid agentId, Guid chatId, CancellationToken ct)
    {
        var chat = await chats.RequireAccessAsync(agentId, chatId, assignedOnly: false, ct);
        var notes = await db.Notes.AsNoTracking().Where(n => n.ChatId == chat.Id).ToListAsync(ct);
        return notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(ToContract).ToList();
    }

    private static ChatNote ToContract(ChatNoteRecord n) => new(n.Id, n.ChatId, n.AgentId, n.AuthorName, n.Text, n.CreatedAt);
}
