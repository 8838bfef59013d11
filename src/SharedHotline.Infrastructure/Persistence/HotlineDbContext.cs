using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// The hotline's database. This class carries the SQLite migrations (the embedded default);
/// <see cref="PostgresHotlineDbContext"/> has the same model with its own PostgreSQL migrations.
/// Data-protection keys live here too, so every node can read every node's tokens and cookies.
/// </summary>
public class HotlineDbContext : DbContext, IDataProtectionKeyContext
{
    public HotlineDbContext(DbContextOptions<HotlineDbContext> options)
        : base(options)
    {
    }

    protected HotlineDbContext(DbContextOptions options)
        : base(options)
    {
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<KommuneRecord> Kommuner => Set<KommuneRecord>();
    public DbSet<PartnershipRecord> Partnerships => Set<PartnershipRecord>();
    public DbSet<StaffAccount> Staff => Set<StaffAccount>();
    public DbSet<StaffSessionRecord> StaffSessions => Set<StaffSessionRecord>();
    public DbSet<ChatRecord> Chats => Set<ChatRecord>();
    public DbSet<ChatMessageRecord> Messages => Set<ChatMessageRecord>();
    public DbSet<ChatNoteRecord> Notes => Set<ChatNoteRecord>();
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<MeetingPlaceRecord> MeetingPlaces => Set<MeetingPlaceRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RotaAuditRecord> RotaAudit => Set<RotaAuditRecord>();
    public DbSet<TranscriptAccessRecord> TranscriptAccess => Set<TranscriptAccessRecord>();
    public DbSet<PrivacyAuditRecord> PrivacyAudit => Set<PrivacyAuditRecord>();
    public DbSet<KommuneAuditRecord> KommuneAudit => Set<KommuneAuditRecord>();
    public DbSet<OutboxMessageRecord> OutboxMessages => Set<OutboxMessageRecord>();
    public DbSet<Statistics.StatHourRecord> StatHours => Set<Statistics.StatHourRecord>();
    public DbSet<Statistics.StatDayRecord> StatDays => Set<Statistics.StatDayRecord>();
    public DbSet<Statistics.StatTopicRecord> StatTopics => Set<Statistics.StatTopicRecord>();
    public DbSet<Statistics.StatSettlementRecord> StatSettlement => Set<Statistics.StatSettlementRecord>();
    public DbSet<Statistics.StatEventRecord> StatEvents => Set<Statistics.StatEventRecord>();
    public DbSet<Statistics.StatRebuildRecord> StatRebuilds => Set<Statistics.StatRebuildRecord>();
    public DbSet<Statistics.StatInvitationRecord> StatInvitations => Set<Statistics.StatInvitationRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC ticks so that SQLite can order and compare them.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        Statistics.StatisticsModel.Configure(modelBuilder);

        modelBuilder.Entity<KommuneRecord>(e =>
        {
            e.ToTable("kommuner");
            e.HasKey(k => k.Kode);
            e.Property(k => k.Kode).ValueGeneratedNever();
            e.HasIndex(k => k.Slug).IsUnique();
            e.Property(k => k.Slug).HasMaxLength(64);
            e.Property(k => k.Name).HasMaxLength(128);
            e.Property(k => k.Settings).HasConversion(JsonConverter<KommuneSettings>(), JsonComparer<KommuneSettings>());
            e.Property(k => k.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<PartnershipRecord>(e =>
        {
            e.ToTable("partnerships");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(64);
            e.Property(p => p.Rota).HasConversion(JsonConverter<Partnership>(), JsonComparer<Partnership>());
            e.Property(p => p.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<StaffAccount>(e =>
        {
            e.ToTable("staff");
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.UserName).IsUnique();
            e.Property(s => s.UserName).HasMaxLength(128);
            e.Property(s => s.DisplayName).HasMaxLength(200);
            e.Property(s => s.Roles).HasConversion(JsonConverter<List<string>>(), JsonComparer<List<string>>());
            e.Property(s => s.CoordinatorOf).HasConversion(JsonConverter<List<string>>(), JsonComparer<List<string>>());
            e.Property(s => s.Skills).HasConversion(JsonConverter<List<string>>(), JsonComparer<List<string>>());
        });

        modelBuilder.Entity<StaffSessionRecord>(e =>
        {
            e.ToTable("staff_sessions");
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.StaffId);
            e.HasIndex(s => s.CreatedAt);
        });

        modelBuilder.Entity<ChatRecord>(e =>
        {
            e.ToTable("chats");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.Reference).IsUnique();
            e.HasIndex(c => new { c.KommuneKode, c.CreatedAt });
            e.HasIndex(c => c.State);
            e.Property(c => c.Reference).HasMaxLength(32);
            e.Property(c => c.Topic).HasMaxLength(64);
            e.Property(c => c.CitizenName).HasMaxLength(100);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.OriginHash).HasMaxLength(64);
            e.Property(c => c.ServedIn).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.InvitedFromUrl).HasMaxLength(InvitedPageLimits.MaxUrl);
            e.Property(c => c.InvitedFromTitle).HasMaxLength(InvitedPageLimits.MaxTitle);
            e.HasIndex(c => new { c.OriginHash, c.State });
            e.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ChatId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ChatMessageRecord>(e =>
        {
            e.ToTable("chat_messages");
            e.HasKey(m => m.Id);
            e.HasIndex(m => new { m.ChatId, m.Seq }).IsUnique();
            e.HasIndex(m => new { m.ChatId, m.Writer, m.ClientMessageId }).IsUnique();
            e.Property(m => m.ClientMessageId).HasMaxLength(64);
            e.Property(m => m.Writer).HasMaxLength(48);
            e.Property(m => m.SenderName).HasMaxLength(100);
            e.Property(m => m.Sender).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<ChatNoteRecord>(e =>
        {
            e.ToTable("chat_notes");
            e.HasKey(n => n.Id);
            e.HasIndex(n => new { n.ChatId, n.CreatedAt });
            e.Property(n => n.AuthorName).HasMaxLength(200);
            e.HasOne<ChatRecord>().WithMany().HasForeignKey(n => n.ChatId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CaseRecord>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.Reference).IsUnique();
            e.HasIndex(c => new { c.KommuneKode, c.CreatedAt });
            e.HasIndex(c => new { c.KommuneKode, c.State, c.MeetingStart });
            e.Property(c => c.Reference).HasMaxLength(32);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Topic).HasMaxLength(64);
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.Phone).HasMaxLength(32);
            e.Property(c => c.PreferredTime).HasMaxLength(100);
            e.Property(c => c.Message).HasMaxLength(4000);
            e.Property(c => c.TakenByName).HasMaxLength(200);
            e.Property(c => c.StaffNote).HasMaxLength(4000);
            e.Property(c => c.StatusTokenHash).HasMaxLength(64);
            e.Property(c => c.Steps).HasConversion(JsonConverter<List<CaseStep>>(), JsonComparer<List<CaseStep>>());
            e.Property(c => c.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<MeetingPlaceRecord>(e =>
        {
            e.ToTable("meeting_places");
            e.HasKey(p => new { p.KommuneKode, p.Topic, p.Start, p.Place });
            e.HasIndex(p => p.CaseId).IsUnique();
            e.Property(p => p.Topic).HasMaxLength(64);
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RotaAuditRecord>(e =>
        {
            e.ToTable("rota_audit");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.PartnershipId, a.Version });
            e.Property(a => a.PartnershipId).HasMaxLength(64);
            e.Property(a => a.ChangedByName).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Target).HasMaxLength(128);
        });

        modelBuilder.Entity<TranscriptAccessRecord>(e =>
        {
            e.ToTable("transcript_access_log");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.KommuneKode, a.At });
            e.Property(a => a.ChatReference).HasMaxLength(32);
            e.Property(a => a.StaffName).HasMaxLength(200);
            e.Property(a => a.Reason).HasMaxLength(32);
        });

        modelBuilder.Entity<KommuneAuditRecord>(e =>
        {
            e.ToTable("kommune_audit");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.KommuneKode, a.At });
            e.Property(a => a.ChangedByName).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Target).HasMaxLength(128);
        });

        modelBuilder.Entity<PrivacyAuditRecord>(e =>
        {
            e.ToTable("privacy_audit");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.KommuneKode, a.At });
            e.Property(a => a.Action).HasMaxLength(32);
            e.Property(a => a.Reason).HasMaxLength(32);
            e.Property(a => a.ChatReference).HasMaxLength(32);
            e.Property(a => a.ActorName).HasMaxLength(200);
        });
    }

    private static ValueConverter<T, string> JsonConverter<T>() =>
        new(v => JsonSerializer.Serialize(v, Json), s => JsonSerializer.Deserialize<T>(s, Json)!);

    private static ValueComparer<T> JsonComparer<T>() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
            v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!);
}
