using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Handing a chat on with a word to the colleague: who may take it now, and a transfer that leaves a handover note
/// on the chat. The note is written before the transfer so the colleague's console finds it when the offer arrives,
/// and taken away again when the transfer is refused.
/// </summary>
public sealed class ChatHandovers(
    HotlineDbContext db,
    AgentChats chats,
    ChatTransfers transfers,
    ChatNotes notes,
    ILiveState live,
    RotaProvider rota,
    TimeProvider time,
    ILogger<ChatHandovers> logger)
{
    public async Task TransferWithNoteAsync(Guid agentId, Guid chatId, Guid? toAgentId, string? note, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            await transfers.TransferAsync(agentId, chatId, toAgentId, ct);
            return;
        }

        var written = await notes.AddAsync(agentId, chatId, note, ct);
        try
        {
            await transfers.TransferAsync(agentId, chatId, toAgentId, ct);
        }
        catch (HotlineException)
        {
            await db.Notes.Where(n => n.Id == written.NoteId).ExecuteDeleteAsync(CancellationToken.None);
            logger.LogInformation("Chat {ChatId} handover note {NoteId} withdrawn: the transfer was refused", chatId, written.NoteId);
            throw;
        }
    }

    /// <summary>Available colleagues routing lets answer the chat now: the same slot first, then the citizen's own kommune.</summary>
    public async Task<IReadOnlyList<TransferTarget>> TargetsAsync(Guid agentId, Guid chatId, CancellationToken ct)
    {
        var chat = await chats.RequireAccessAsync(agentId, chatId, assignedOnly: true, ct);
        var snapshot = await rota.GetAsync(ct);
        var now = time.GetUtcNow();
        var duty = snapshot.DutyAt(chat.KommuneKode, Instant.FromDateTimeOffset(now));
        var queued = new QueuedChat(chat.Id, chat.KommuneKode, chat.Topic, chat.CreatedAt);
        var candidates = (await live.GetAgentsAsync(ct))
            .Where(a => a.AgentId != agentId && a.Status == PresenceStatus.Available)
            .Select(a => (Agent: a, Tier: Router.Tier(a.AgentId, a.HomeKommune, queued, duty, now)))
            .Where(x => x.Tier is not null)
            .ToList();
        var ids = candidates.Select(x => x.Agent.AgentId).ToList();
        var names = await db.Staff.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var onSlot = duty.Slots.SelectMany(s => s.AgentIds).ToHashSet();
        return candidates
            .Where(x => names.ContainsKey(x.Agent.AgentId))
            .OrderByDescending(x => onSlot.Contains(x.Agent.AgentId))
            .ThenByDescending(x => x.Agent.HomeKommune == chat.KommuneKode)
            .ThenBy(x => names[x.Agent.AgentId], StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false))
            .Select(x => new TransferTarget(x.Agent.AgentId, names[x.Agent.AgentId], snapshot.SlugOf(x.Agent.HomeKommune), onSlot.Contains(x.Agent.AgentId), x.Agent.CanTakeChat))
            .ToList();
    }
}
