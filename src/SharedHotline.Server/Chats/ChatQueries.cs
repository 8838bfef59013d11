using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Compiled queries for the per-message path: every message looks its chat up, and a compiled query skips
/// EF's expression-tree hashing and cache lookup that otherwise dominate a primary-key read. A compiled query
/// is bound to the model it first ran against, so there is one per model (SQLite and PostgreSQL differ, and
/// test processes host both).
/// </summary>
internal static class ChatQueries
{
    private static readonly ConditionalWeakTable<IModel, Func<HotlineDbContext, Guid, CancellationToken, Task<ChatRecord?>>> FindByModel = [];

    /// <summary>The chat, not tracked: for checks on the message path that change nothing.</summary>
    public static Task<ChatRecord?> FindAsync(HotlineDbContext db, Guid chatId, CancellationToken ct) =>
        FindByModel.GetValue(db.Model, _ => EF.CompileAsyncQuery((HotlineDbContext context, Guid id, CancellationToken token) =>
            context.Chats.AsNoTracking().FirstOrDefault(c => c.Id == id)))(db, chatId, ct);
}
