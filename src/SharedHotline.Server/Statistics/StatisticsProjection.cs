using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Events;
using SharedHotline.Domain.Rota;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Statistics;

namespace SharedHotline.Server.Statistics;

/// <summary>
/// Off the request path, from the outbox's events: a chat that ended or was abandoned is added to its kommune's hour,
/// a case left or first held to its. Each event counts once (its id is recorded in the same transaction as the
/// counts, and a repeat delivery finds it); the figures are read from the stored chat or case, as the rebuild reads
/// them, so the projection and a recomputation agree. What a rebuild already counted is left to it.
/// </summary>
public sealed class StatisticsProjection(HotlineDbContext db, TimeProvider time) :
    IConsumer<ChatEnded>, IConsumer<ChatAbandoned>, IConsumer<CaseReceived>, IConsumer<CaseCallRecorded>, IConsumer<InvitationCounted>
{
    public Task Consume(ConsumeContext<ChatEnded> context) => CountChatAsync(context.Message.EventId, context.Message.ChatId, context.CancellationToken);

    public Task Consume(ConsumeContext<ChatAbandoned> context) => CountChatAsync(context.Message.EventId, context.Message.ChatId, context.CancellationToken);

    public async Task Consume(ConsumeContext<CaseReceived> context)
    {
        var e = context.Message;
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == e.CaseId, context.CancellationToken);
        if (record is null)
        {
            return;
        }

        var (left, figure, _) = StatisticsSources.Figures(record);
        await CountAsync(e.EventId, left, (db, ct) => StatisticsWrites.AddCaseAsync(db, record.KommuneKode, left, figure, RotaSnapshot.Copenhagen, ct), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CaseCallRecorded> context)
    {
        var e = context.Message;
        if (!e.Reached)
        {
            return;
        }

        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == e.CaseId, context.CancellationToken);
        // A meeting is held once: a second "reached" on the same case is a call, not another meeting.
        if (record is null || StatisticsSources.Figures(record).Held is not { } held || held != Instant.FromDateTimeOffset(e.At))
        {
            return;
        }

        await CountAsync(e.EventId, held, (db, ct) => StatisticsWrites.AddCaseAsync(db, record.KommuneKode, held, CaseFigure.MeetingHeld, RotaSnapshot.Copenhagen, ct), context.CancellationToken);
    }

    /// <summary>Invitations are counted as they happen; a rebuild leaves their buckets alone (nothing else stores them).</summary>
    public Task Consume(ConsumeContext<InvitationCounted> context)
    {
        var e = context.Message;
        return CountAsync(e.EventId, null, (db, ct) => StatisticsWrites.AddInvitationAsync(db, e.KommuneKode, Instant.FromDateTimeOffset(e.At), e.Outcome, RotaSnapshot.Copenhagen, ct), context.CancellationToken);
    }

    private async Task CountChatAsync(Guid eventId, Guid chatId, CancellationToken ct)
    {
        var chat = await db.Chats.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chatId, ct);
        if (chat is null || StatisticsSources.Outcome(chat) is not { } outcome)
        {
            return;
        }

        await CountAsync(eventId, outcome.EndedAt, (db, ct) => StatisticsWrites.AddChatAsync(db, outcome, RotaSnapshot.Copenhagen, ct), ct);
    }

    private async Task CountAsync(Guid eventId, Instant? happened, Func<HotlineDbContext, CancellationToken, Task> add, CancellationToken ct)
    {
        if (happened is { } at && await StatisticsRebuild.CountedBeforeAsync(db, ct) is { } rebuilt && at.ToDateTimeOffset() < rebuilt)
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await StatisticsWrites.ClaimEventAsync(db, eventId, time.GetUtcNow(), ct))
            {
                await add(db, ct);
            }

            await transaction.CommitAsync(ct);
        });
    }
}
