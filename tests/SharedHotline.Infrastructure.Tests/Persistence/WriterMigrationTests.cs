using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Tests.Persistence;

/// <summary>Messages stored before client message ids were per writer get their writer, so a resend after the upgrade still finds them.</summary>
public sealed class WriterMigrationTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "writer-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sqlite_messages_stored_before_the_upgrade_are_found_by_a_resend_of_the_same_writer()
    {
        var options = new DbContextOptionsBuilder<HotlineDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "hotline.db")}").Options;
        var chatId = Guid.NewGuid();
        var mia = Guid.NewGuid();
        await using var db = new HotlineDbContext(options);
        await db.GetService<IMigrator>().MigrateAsync("20261203130100_StaffSessions");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO chats (Id, Reference, KommuneKode, Topic, State, CreatedAt, AgentId) VALUES ({0}, 'SOR-MIGR01', 340, 'pas', 'Active', 0, {1})",
            chatId.ToString("D").ToUpperInvariant(), mia.ToString("D").ToUpperInvariant());
        foreach (var (seq, sender, agent) in new[] { (1, "System", ""), (2, "Citizen", ""), (3, "Agent", mia.ToString("D").ToUpperInvariant()) })
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO chat_messages (Id, ChatId, Seq, ClientMessageId, Sender, AgentId, Text, ContainsCpr, SentAt) VALUES ({0}, {1}, {2}, {3}, {4}, NULLIF({5}, ''), 'tekst', 0, 0)",
                Guid.NewGuid().ToString("D").ToUpperInvariant(), chatId.ToString("D").ToUpperInvariant(), seq, $"m{seq}", sender, agent);
        }

        await db.Database.MigrateAsync();

        var writers = await db.Database.SqlQueryRaw<string>("SELECT Writer AS Value FROM chat_messages ORDER BY Seq").ToListAsync();
        writers.Should().Equal("system", "citizen", ChatMessageRecord.WriterOf(MessageSender.Agent, mia));
        var resend = CitizenMessages.New(chatId, "m3");
        resend.Sender = MessageSender.Agent;
        resend.AgentId = mia;
        var store = async () => await ChatMessageInsert.ExecuteAsync(db, resend, CancellationToken.None);
        await store.Should().ThrowAsync<SqliteException>("Mia's message m3 is stored already");
    }
}
