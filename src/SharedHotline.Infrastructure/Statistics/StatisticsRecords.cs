using Microsoft.EntityFrameworkCore;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>
/// The figures of one kommune's citizens in one UTC hour (the hour their chats started), kept as sums that only grow
/// by increments, so two nodes projecting into the same hour never lose one another's counts. The Copenhagen day and
/// hour of the week are stored with it so that periods group in the database.
/// </summary>
public sealed class StatHourRecord
{
    public int KommuneKode { get; set; }
    public DateTimeOffset HourStart { get; set; }

    /// <summary>The Copenhagen date as <see cref="DateOnly.DayNumber"/>: a number both databases group by.</summary>
    public int LocalDay { get; set; }

    /// <summary>0 = Monday 00-01 … 167 = Sunday 23-24, Copenhagen wall clock.</summary>
    public int HourOfWeek { get; set; }
    public int Offered { get; set; }
    public int Answered { get; set; }
    public int Abandoned { get; set; }
    public long WaitMs { get; set; }
    public long AnsweredWaitMs { get; set; }
    public long AbandonedWaitMs { get; set; }
    public long HandleMs { get; set; }
    public int ServedOwn { get; set; }
    public int ServedShared { get; set; }
    public int ServedOverflow { get; set; }
    public int MeetingsBooked { get; set; }
    public int MeetingsHeld { get; set; }
    public int MessagesLeft { get; set; }
}

/// <summary>One bin of a duration histogram (waits, handle times, abandon times) of one kommune's hour.</summary>
public sealed class StatDurationRecord
{
    public int KommuneKode { get; set; }
    public DateTimeOffset HourStart { get; set; }
    public int LocalDay { get; set; }
    public int HourOfWeek { get; set; }
    public StatDurationKind Kind { get; set; }
    public int Bin { get; set; }
    public int Count { get; set; }
}

public enum StatDurationKind
{
    Wait = 0,
    Handle = 1,
    Abandon = 2,
}

/// <summary>Chats per topic in one kommune's hour.</summary>
public sealed class StatTopicRecord
{
    public int KommuneKode { get; set; }
    public DateTimeOffset HourStart { get; set; }
    public required string Topic { get; set; }
    public int Chats { get; set; }
}

/// <summary>The settlement's cell in one hour: chats of <see cref="CitizenKommune"/>'s citizens that staff of <see cref="AnsweredBy"/> answered.</summary>
public sealed class StatSettlementRecord
{
    public DateTimeOffset HourStart { get; set; }
    public int AnsweredBy { get; set; }
    public int CitizenKommune { get; set; }
    public int Chats { get; set; }
    public long HandledMs { get; set; }
}

/// <summary>An event the projection has counted: a repeat (the outbox delivers at least once) is recognised and skipped.</summary>
public sealed class StatEventRecord
{
    public Guid EventId { get; set; }
    public DateTimeOffset CountedAt { get; set; }
}

internal static class StatisticsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<StatHourRecord>(e =>
        {
            e.ToTable("stat_hours");
            e.HasKey(h => new { h.KommuneKode, h.HourStart });
            e.HasIndex(h => h.HourStart);
        });
        model.Entity<StatDurationRecord>(e =>
        {
            e.ToTable("stat_durations");
            e.HasKey(d => new { d.KommuneKode, d.HourStart, d.Kind, d.Bin });
            e.HasIndex(d => d.HourStart);
        });
        model.Entity<StatTopicRecord>(e =>
        {
            e.ToTable("stat_topics");
            e.HasKey(t => new { t.KommuneKode, t.HourStart, t.Topic });
            e.Property(t => t.Topic).HasMaxLength(64);
            e.HasIndex(t => t.HourStart);
        });
        model.Entity<StatSettlementRecord>(e =>
        {
            e.ToTable("stat_settlement");
            e.HasKey(s => new { s.HourStart, s.AnsweredBy, s.CitizenKommune });
        });
        model.Entity<StatRebuildRecord>(e =>
        {
            e.ToTable("stat_rebuilds");
            e.HasKey(r => r.Id);
        });
        model.Entity<StatEventRecord>(e =>
        {
            e.ToTable("stat_events");
            e.HasKey(x => x.EventId);
            e.HasIndex(x => x.CountedAt);
        });
    }
}

/// <summary>
/// A rebuild recomputed every bucket from the chats and cases stored before <see cref="CountedBefore"/>; the
/// projection leaves those alone afterwards (a late event for one of them is already in the recomputation).
/// </summary>
public sealed class StatRebuildRecord
{
    public int Id { get; set; }
    public DateTimeOffset CountedBefore { get; set; }
    public DateTimeOffset FromHour { get; set; }
    public int Chats { get; set; }
    public int Cases { get; set; }
}
