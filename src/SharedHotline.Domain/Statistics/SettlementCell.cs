using NodaTime;

namespace SharedHotline.Domain.Statistics;

/// <summary>
/// The stored unit of the settlement: in the UTC hour <paramref name="HourStart"/> (when the chats started), staff of
/// <paramref name="AnsweredByKommune"/> answered <paramref name="Chats"/> chats of citizens of
/// <paramref name="CitizenKommune"/> and handled them for <paramref name="HandledMs"/> milliseconds in all.
/// </summary>
public sealed record SettlementCell(Instant HourStart, int AnsweredByKommune, int CitizenKommune, int Chats, long HandledMs)
{
    /// <summary>The cell of one chat; null when nobody answered it.</summary>
    public static SettlementCell? From(ChatOutcome chat) =>
        chat is { AnsweredByKommune: { } answeredBy, HandleTime: { } handle }
            ? new SettlementCell(StatHour.HourOf(chat.StartedAt), answeredBy, chat.KommuneKode, 1,
                (long)Math.Round(handle.TotalMilliseconds, MidpointRounding.AwayFromZero))
            : null;
}

/// <summary>Chats and the time they were handled, summed over cells.</summary>
public sealed record SettlementAmount(int Chats, long HandledMs)
{
    public static SettlementAmount Zero { get; } = new(0, 0);

    public double HandledMinutes => HandledMs / 60_000.0;

    public SettlementAmount Add(SettlementAmount other) => new(checked(Chats + other.Chats), checked(HandledMs + other.HandledMs));
}
