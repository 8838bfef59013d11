using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Keeps the queue honest, on every node at each maintenance tick: stamps the chats whose citizen is connected here
/// as seen; gives up a waiting chat whose citizen has had no connection for <see cref="GoneAfter"/> (a closed tab
/// must not wait, count in queue lengths and be offered to staff later); and when the hotline closes on waiting
/// citizens, ends their chats with the next opening and the offer of a telefonmøde, or keeps them for the next
/// opening, as their kommune chose (<see cref="QueueAtClosing"/>). Any node may act on any chat: the guarded writes
/// of <see cref="OpenChatWrites"/> let only one of them end it or tell the citizen.
/// </summary>
public sealed class QueueHousekeeping(
    HotlineDbContext db,
    ChatLifecycle lifecycle,
    ChatMessageLog messages,
    ChatNotifier notify,
    CitizenConnections citizens,
    RotaProvider rota,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<QueueHousekeeping> logger)
{
    private const int Batch = 500;

    /// <summary>How long a waiting chat may be without any connection of its citizen (<c>Hotline:Chats:CitizenGoneAfter</c>).</summary>
    public TimeSpan GoneAfter => configuration.GetValue("Hotline:Chats:CitizenGoneAfter", TimeSpan.FromMinutes(3));

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await StampConnectedAsync(now, ct);
        var waiting = await db.Chats.AsNoTracking()
            .Where(c => c.State == ChatState.Queued)
            .Select(c => new { c.Id, c.KommuneKode, c.CreatedAt, c.CitizenSeenAt, c.HeldOverAt })
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }

        var snapshot = await rota.GetAsync(ct);
        var instant = Instant.FromDateTimeOffset(now);
        foreach (var chat in waiting)
        {
            var kommune = snapshot.FindKommune(chat.KommuneKode);
            if (kommune is null)
            {
                continue;
            }

            if (!snapshot.DutyAt(chat.KommuneKode, instant).IsOpen)
            {
                var next = snapshot.NextOpening(chat.KommuneKode, instant);
                var opens = next is null ? "Vi ved endnu ikke, hvornår vi åbner igen." : OpeningText.Danish(next.Start, instant) + ".";
                if (kommune.Settings.QueueAtClosing == QueueAtClosing.End)
                {
                    await EndAsync(chat.Id, ChatStateReasons.Closing, $"Chatten er lukket for i dag, og ingen nåede at tage dit spørgsmål. {opens} Du kan booke et telefonmøde eller skrive til os, så vender vi tilbage.", ct);
                }
                else if (chat.HeldOverAt is null)
                {
                    await HoldOverAsync(chat.Id, now, $"Chatten er lukket for i dag. Dit spørgsmål venter, og vi svarer dig først, når vi åbner igen. {opens} Du kan også booke et telefonmøde.", ct);
                }

                continue;
            }

            // A chat its kommune kept through the closed hours waits for staff, not for its citizen's connection.
            if (chat.HeldOverAt is null && now - (chat.CitizenSeenAt ?? chat.CreatedAt) > GoneAfter)
            {
                await EndAsync(chat.Id, ChatStateReasons.CitizenGone, "Din plads i køen er opgivet, fordi du ikke var på siden i et stykke tid. Start en ny chat, eller book et telefonmøde.", ct);
            }
        }
    }

    private async Task StampConnectedAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var ids in citizens.Chats().Chunk(Batch))
        {
            await db.Chats.Where(c => ids.Contains(c.Id) && c.State != ChatState.Ended && c.State != ChatState.Abandoned)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.CitizenSeenAt, now), ct);
        }
    }

    private async Task EndAsync(Guid chatId, string reason, string notice, CancellationToken ct)
    {
        var chat = await db.Chats.FirstOrDefaultAsync(c => c.Id == chatId, ct);
        if (chat is null || chat.State != ChatState.Queued)
        {
            return;
        }

        await lifecycle.EndAsync(chat, reason, ct, notice);
        logger.LogInformation("Waiting chat {ChatId} given up: {Reason}", chatId, reason);
    }

    private async Task HoldOverAsync(Guid chatId, DateTimeOffset now, string notice, CancellationToken ct)
    {
        var won = await db.Chats.Where(c => c.Id == chatId && c.State == ChatState.Queued && c.HeldOverAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.HeldOverAt, now), ct) == 1;
        if (!won)
        {
            return;
        }

        var note = await messages.AppendSystemAsync(chatId, notice, ct);
        await notify.MessageAsync(note.ToContract(), null);
        await notify.Citizen(chatId).ChatStateChanged(new ChatStateChanged(chatId, ChatStatus.Queued, null, now, ChatStateReasons.HeldOver));
        logger.LogInformation("Waiting chat {ChatId} held over to the next opening", chatId);
    }
}
