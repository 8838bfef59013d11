using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Compiled queries for the per-message path: every message looks its chat up, and a compiled query skips
/// EF's expression-tree hashing and cache lookup that otherwise dominate a primary-key read.
/// </summary>
internal static class ChatQueries
{
    /// <summary>The chat, not tracked: for checks on the message path that change nothing.</summary>
    public static readonly Func<HotlineDbContext, Guid, CancellationToken, Task<ChatRecord?>> Find =
        EF.CompileAsyncQuery((HotlineDbContext db, Guid chatId, CancellationToken ct) =>
            db.Chats.AsNoTracking().FirstOrDefault(c => c.Id == chatId));
}
