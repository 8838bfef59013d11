using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Events;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// Who holds a chat (state, agent, when assigned and accepted) is written only while the chat is open in the
/// database. An offer, an accept or a transfer reads the chat first; a citizen or agent on another node may end it
/// in between, and a plain save of what was read would then bring the ended chat back, assigned to nobody in the
/// live state. An ending always wins over them, and only the first of two endings counts.
/// </summary>
public static class OpenChatWrites
{
    /// <summary>
    /// Stores the holder fields set on <paramref name="chat"/>; false (nothing written) when the chat has ended
    /// meanwhile, or, given <paramref name="readAs"/>, when its state, agent or assignment are no longer what was read.
    /// <paramref name="raise"/> goes into the outbox in the same transaction, only when the write happened.
    /// </summary>
    public static async Task<bool> SaveHolderWhileOpenAsync(
        this HotlineDbContext db, ChatRecord chat, CancellationToken ct, (ChatState State, Guid? AgentId, DateTimeOffset? AssignedAt)? readAs = null, IDomainEvent? raise = null)
    {
        var (state, agentId, assignedAt, acceptedAt) = (chat.State, chat.AgentId, chat.AssignedAt, chat.AcceptedAt);
        var (firstAccepted, answeredBy, servedIn) = (chat.FirstAcceptedAt, chat.AnsweredByKommune, chat.ServedIn);
        var open = db.Chats.Where(c => c.Id == chat.Id && c.State != ChatState.Ended && c.State != ChatState.Abandoned);
        if (readAs is { } read)
        {
            // Every offer and transfer stamps a new AssignedAt: a chat given back to the same agent meanwhile differs.
            var (readState, readAgent, readAssignedAt) = read;
            open = open.Where(c => c.State == readState && c.AgentId == readAgent && c.AssignedAt == readAssignedAt);
        }

        var rows = await WithEventAsync(db, raise, () => open
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.State, state)
                .SetProperty(c => c.AgentId, agentId)
                .SetProperty(c => c.AssignedAt, assignedAt)
                .SetProperty(c => c.AcceptedAt, acceptedAt)
                // Who first answered is written once: a write from a copy read before the first accept never clears it.
                .SetProperty(c => c.FirstAcceptedAt, c => c.FirstAcceptedAt ?? firstAccepted)
                .SetProperty(c => c.AnsweredByKommune, c => c.AnsweredByKommune ?? answeredBy)
                .SetProperty(c => c.ServedIn, c => c.ServedIn ?? servedIn), ct), ct);
        await SyncAsync(db, chat, rows == 1, ct);
        return rows == 1;
    }

    /// <summary>
    /// Records that the chat waits again: no agent, not accepted (the time until it went back to the queue is no
    /// handle time). Only while the row still says what was read, as <see cref="SaveHolderWhileOpenAsync"/>: false
    /// when the chat ended, or was given to an agent again, meanwhile.
    /// </summary>
    public static Task<bool> SaveWaitingAgainAsync(this HotlineDbContext db, ChatRecord chat, CancellationToken ct, IDomainEvent? raise = null)
    {
        var readAs = (chat.State, chat.AgentId, chat.AssignedAt);
        return chat.Change(c => c.WaitAgain()) ? db.SaveHolderWhileOpenAsync(chat, ct, readAs, raise) : Task.FromResult(false);
    }

    /// <summary>
    /// Ends the chat as set on <paramref name="chat"/> (state, when, by whom); false (nothing written) when someone
    /// else ended it a moment ago, so the ending's note and event are not repeated.
    /// </summary>
    public static async Task<bool> SaveEndingWhileOpenAsync(this HotlineDbContext db, ChatRecord chat, CancellationToken ct, IDomainEvent? raise = null)
    {
        var (state, endedAt, endedBy) = (chat.State, chat.EndedAt, chat.EndedBy);
        var rows = await WithEventAsync(db, raise, () => db.Chats
            .Where(c => c.Id == chat.Id && c.State != ChatState.Ended && c.State != ChatState.Abandoned)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.State, state)
                .SetProperty(c => c.EndedAt, endedAt)
                .SetProperty(c => c.EndedBy, endedBy), ct), ct);
        await SyncAsync(db, chat, rows == 1, ct);
        return rows == 1;
    }

    /// <summary>The guarded write and its event commit together; a refused write stores no event.</summary>
    private static async Task<int> WithEventAsync(HotlineDbContext db, IDomainEvent? raise, Func<Task<int>> write, CancellationToken ct)
    {
        if (raise is null)
        {
            return await write();
        }

        if (db.Database.CurrentTransaction is not null)
        {
            var inside = await write();
            if (inside == 1)
            {
                await Outbox.InsertAsync(db, raise, ct);
            }

            return inside;
        }

        // PostgreSQL retries transient failures; a transaction of ours must then run as one retriable unit.
        var rows = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var written = await write();
            if (written == 1)
            {
                await Outbox.InsertAsync(db, raise, ct);
            }

            await transaction.CommitAsync(ct);
            return written;
        });
        if (rows == 1)
        {
            Outbox.Wake();
        }

        return rows;
    }

    private static async Task SyncAsync(HotlineDbContext db, ChatRecord chat, bool written, CancellationToken ct)
    {
        var entry = db.Entry(chat);
        if (entry.State != EntityState.Detached)
        {
            // What was just written is what the context now knows; after a refusal it reloads the row as it is.
            if (written)
            {
                entry.OriginalValues.SetValues(entry.CurrentValues);
                entry.State = EntityState.Unchanged;
            }
            else
            {
                await entry.ReloadAsync(ct);
            }
        }
    }
}
