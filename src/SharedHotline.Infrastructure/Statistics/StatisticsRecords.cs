using Microsoft.EntityFrameworkCore;

namespace SharedHotline.Infrastructure.Statistics;

/// <summary>
/// The figures of one kommune's citizens in a bucket (an hour, or a Copenhagen day), kept as sums that only grow by
/// increments, so two nodes projecting into the same bucket never lose one another's counts. The three duration
/// histograms are columns of the bucket (one per bin), so a period sums a few rows, not a row per bin.
/// </summary>
public abstract class StatBucketRecord
{
    public int KommuneKode { get; set; }

    /// <summary>The Copenhagen date as <see cref="DateOnly.DayNumber"/>: a number both databases group by.</summary>
    public int LocalDay { get; set; }
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

    /// <summary>The waits of the answered chats, per bin of <see cref="Domain.Statistics.DurationHistogram"/>.</summary>
    public StatBins Wait { get; set; } = new();

    /// <summary>The handle times of the answered chats.</summary>
    public StatBins Handle { get; set; } = new();

    /// <summary>How long the abandoned chats waited.</summary>
    public StatBins Abandon { get; set; } = new();
}

/// <summary>One kommune's hour (UTC, the hour its chats started), with its Copenhagen hour of the week.</summary>
public sealed class StatHourRecord : StatBucketRecord
{
    public DateTimeOffset HourStart { get; set; }

    /// <summary>0 = Monday 00-01 … 167 = Sunday 23-24, Copenhagen wall clock.</summary>
    public int HourOfWeek { get; set; }
}

/// <summary>One kommune's Copenhagen day: the same figures as its hours, summed, for periods.</summary>
public sealed class StatDayRecord : StatBucketRecord;

/// <summary>A histogram's counts, one column per bin (20 bins, the last open).</summary>
public sealed class StatBins
{
    public const int Count = 20;

    public int B0 { get; set; }
    public int B1 { get; set; }
    public int B2 { get; set; }
    public int B3 { get; set; }
    public int B4 { get; set; }
    public int B5 { get; set; }
    public int B6 { get; set; }
    public int B7 { get; set; }
    public int B8 { get; set; }
    public int B9 { get; set; }
    public int B10 { get; set; }
    public int B11 { get; set; }
    public int B12 { get; set; }
    public int B13 { get; set; }
    public int B14 { get; set; }
    public int B15 { get; set; }
    public int B16 { get; set; }
    public int B17 { get; set; }
    public int B18 { get; set; }
    public int B19 { get; set; }

    public int this[int bin]
    {
        get => bin switch
        {
            0 => B0,
            1 => B1,
            2 => B2,
            3 => B3,
            4 => B4,
            5 => B5,
            6 => B6,
            7 => B7,
            8 => B8,
            9 => B9,
            10 => B10,
            11 => B11,
            12 => B12,
            13 => B13,
            14 => B14,
            15 => B15,
            16 => B16,
            17 => B17,
            18 => B18,
            19 => B19,
            _ => throw new ArgumentOutOfRangeException(nameof(bin)),
        };
        set
        {
            switch (bin)
            {
                case 0: B0 = value; break;
                case 1: B1 = value; break;
                case 2: B2 = value; break;
                case 3: B3 = value; break;
                case 4: B4 = value; break;
                case 5: B5 = value; break;
                case 6: B6 = value; break;
                case 7: B7 = value; break;
                case 8: B8 = value; break;
                case 9: B9 = value; break;
                case 10: B10 = value; break;
                case 11: B11 = value; break;
                case 12: B12 = value; break;
                case 13: B13 = value; break;
                case 14: B14 = value; break;
                case 15: B15 = value; break;
                case 16: B16 = value; break;
                case 17: B17 = value; break;
                case 18: B18 = value; break;
                case 19: B19 = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(bin));
            }
        }
    }
}

/// <summary>Chats per topic in one kommune's day.</summary>
public sealed class StatTopicRecord
{
    public int KommuneKode { get; set; }
    public int LocalDay { get; set; }
    public required string Topic { get; set; }
    public int Chats { get; set; }
}

/// <summary>The settlement's cell of one day: chats of <see cref="CitizenKommune"/>'s citizens that staff of <see cref="AnsweredBy"/> answered.</summary>
public sealed class StatSettlementRecord
{
    public int LocalDay { get; set; }
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

/// <summary>
/// A rebuild recomputed every bucket from the chats and cases stored before <see cref="CountedBefore"/>; the
/// projection leaves those alone afterwards (a late event for one of them is already in the recomputation).
/// </summary>
public sealed class StatRebuildRecord
{
    public int Id { get; set; }
    public DateTimeOffset CountedBefore { get; set; }
    public int FromDay { get; set; }
    public int Chats { get; set; }
    public int Cases { get; set; }
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
            Bins(e);
        });
        model.Entity<StatDayRecord>(e =>
        {
            e.ToTable("stat_days");
            e.HasKey(d => new { d.KommuneKode, d.LocalDay });
            e.HasIndex(d => d.LocalDay);
            Bins(e);
        });
        model.Entity<StatTopicRecord>(e =>
        {
            e.ToTable("stat_topics");
            e.HasKey(t => new { t.KommuneKode, t.LocalDay, t.Topic });
            e.Property(t => t.Topic).HasMaxLength(64);
        });
        model.Entity<StatSettlementRecord>(e =>
        {
            e.ToTable("stat_settlement");
            e.HasKey(s => new { s.LocalDay, s.AnsweredBy, s.CitizenKommune });
        });
        model.Entity<StatInvitationRecord>(e =>
        {
            e.ToTable("stat_invitations");
            e.HasKey(i => new { i.KommuneKode, i.HourStart });
            e.HasIndex(i => i.LocalDay);
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

    /// <summary>The histograms' columns are named "Wait_B0" … "Abandon_B19": what the raw increments and sums name.</summary>
    private static void Bins<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e)
        where T : StatBucketRecord
    {
        e.OwnsOne(b => b.Wait, Defaults);
        e.OwnsOne(b => b.Handle, Defaults);
        e.OwnsOne(b => b.Abandon, Defaults);
    }

    // An increment names only the bins it adds to; the others start at 0. The sentinel makes EF send every value it has.
    private static void Defaults<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.OwnedNavigationBuilder<T, StatBins> bins)
        where T : class
    {
        for (var bin = 0; bin < StatBins.Count; bin++)
        {
            bins.Property<int>($"B{bin}").HasDefaultValue(0).HasSentinel(-1);
        }
    }
}
