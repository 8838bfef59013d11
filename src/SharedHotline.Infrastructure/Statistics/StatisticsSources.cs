using NodaTime;
using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>What the statistics read from a stored chat and case: the projection and the rebuild read them alike.</summary>
public static class StatisticsSources
{
    /// <summary>A finished chat as the statistics count it; null while it is open. Waits end at the first acceptance, kept through transfers.</summary>
    public static ChatOutcome? Outcome(ChatRecord chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        if (chat.State is not (ChatState.Ended or ChatState.Abandoned) || chat.EndedAt is not { } ended)
        {
            return null;
        }

        var started = Instant.FromDateTimeOffset(chat.CreatedAt);
        var end = Instant.Max(started, Instant.FromDateTimeOffset(ended));
        Instant? accepted = chat.FirstAcceptedAt is { } a ? Instant.Max(started, Instant.Min(end, Instant.FromDateTimeOffset(a))) : null;
        return new ChatOutcome(chat.Id, chat.KommuneKode, chat.Topic, started, accepted, end,
            accepted is null ? null : chat.AnsweredByKommune, accepted is null ? null : chat.ServedIn ?? ServedIn.Shared, Abandoned: accepted is null);
    }

    /// <summary>When a case counts as left (its first step) and, for a meeting, when it was first held (reached), if it was.</summary>
    public static (Instant Left, CaseFigure Figure, Instant? Held) Figures(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var held = record.Kind == CaseKind.Meeting ? record.Steps.FirstOrDefault(s => s.Kind == CaseStepKind.Reached)?.At : null;
        return (Instant.FromDateTimeOffset(record.CreatedAt), record.Kind == CaseKind.Meeting ? CaseFigure.MeetingBooked : CaseFigure.MessageLeft,
            held is { } h ? Instant.FromDateTimeOffset(h) : null);
    }
}
