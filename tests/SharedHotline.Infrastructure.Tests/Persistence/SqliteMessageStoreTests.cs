using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Tests.Persistence;

/// <summary>
/// The embedded SQLite default on the message path: writers never checkpoint inside a commit, the background
/// checkpointer moves the log into the database file, and concurrent writers in one process all get stored
/// with gap-free numbers.
/// </summary>
public sealed class SqliteMessageStoreTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "sqlite-" + Guid.NewGuid().ToString("N"));
    private string _connectionString = null!;
    private DbContextOptions<HotlineDbContext> _options = null!;
    private Guid _chatId;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _connectionString = $"Data Source={Path.Combine(_folder, "hotline.db")}";
        _options = new DbContextOptionsBuilder<HotlineDbContext>()
            .UseSqlite(_connectionString)
            .AddInterceptors(new SqliteDurabilityInterceptor("NORMAL", checkpointInBackground: true))
            .Options;
        await using var db = new HotlineDbContext(_options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var chat = new ChatRecord { Id = Guid.NewGuid(), Reference = "SOR-TEST1", KommuneKode = 340, Topic = "pas", State = ChatState.Active, CreatedAt = DateTimeOffset.UtcNow };
        db.Chats.Add(chat);
        await db.SaveChangesAsync();
        _chatId = chat.Id;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Writers_leave_the_checkpoint_to_the_background_and_the_checkpointer_moves_every_stored_message_into_the_database_file()
    {
        for (var i = 0; i < 300; i++)
        {
            await InsertAsync($"m{i}");
        }

        await using (var db = new HotlineDbContext(_options))
        {
            await db.Database.OpenConnectionAsync();
            (await Scalar(db, "PRAGMA wal_autocheckpoint;")).Should().Be(0, "a commit must never pay for the checkpoint's fsync");
        }

        var databaseFile = new FileInfo(Path.Combine(_folder, "hotline.db"));
        var sizeBefore = databaseFile.Length;
        var checkpointer = new SqliteCheckpointer(_connectionString, TimeSpan.FromSeconds(1), NullLogger<SqliteCheckpointer>.Instance);

        var (logPages, copied) = await checkpointer.CheckpointAsync(CancellationToken.None);

        logPages.Should().BeGreaterThan(300, "300 commits stayed in the write-ahead log");
        copied.Should().Be(logPages);
        databaseFile.Refresh();
        databaseFile.Length.Should().BeGreaterThan(sizeBefore);
        await using var reader = new HotlineDbContext(_options);
        (await reader.Messages.CountAsync(m => m.ChatId == _chatId)).Should().Be(300);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_writers_of_one_file_are_all_stored_with_gap_free_numbers(bool throughTheWriterConnection)
    {
        await using var writer = new SqliteMessageWriter(_connectionString, new SqliteDurabilityInterceptor("NORMAL", checkpointInBackground: true).Pragmas);

        var seqs = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            i % 2 == 0 && throughTheWriterConnection ? InsertForChatAsync(_chatId, $"parallel-{i}", writer).ContinueWith(t => t.Result.Stored!.Seq, TaskScheduler.Default) : InsertAsync($"parallel-{i}"))));

        seqs.Should().BeEquivalentTo(Enumerable.Range(1, 64).Select(i => (long)i));
    }

    [Fact]
    public async Task The_writer_connection_keeps_the_durability_settings_and_reopens_after_it_is_disposed()
    {
        var writer = new SqliteMessageWriter(_connectionString, new SqliteDurabilityInterceptor("FULL", checkpointInBackground: true).Pragmas);
        var (_, stored) = await InsertForChatAsync(_chatId, "through-writer", writer);
        var settings = await writer.RunAsync("PRAGMA synchronous;", _ => { }, async c => Convert.ToInt64(await c.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        await writer.DisposeAsync();

        stored!.Seq.Should().Be(1);
        settings.Should().Be(2, "FULL is synchronous level 2 on the writer connection too");
        var late = async () => await InsertForChatAsync(_chatId, "after-dispose", writer);
        await late.Should().ThrowAsync<ObjectDisposedException>("a stopped host takes no more messages");
        await using var reader = new HotlineDbContext(_options);
        (await reader.Messages.SingleAsync()).ClientMessageId.Should().Be("through-writer");
    }

    [Fact]
    public async Task The_message_is_stored_with_the_chats_facts_in_one_statement_only_while_the_chat_is_writable()
    {
        await using (var db = new HotlineDbContext(_options))
        {
            var chat = await db.Chats.SingleAsync(c => c.Id == _chatId);
            chat.CitizenName = "Søren";
            chat.AgentId = Guid.NewGuid();
            await db.SaveChangesAsync();
        }

        var (open, stored) = await InsertForChatAsync(_chatId, "open-1");
        await using (var db = new HotlineDbContext(_options))
        {
            var chat = await db.Chats.SingleAsync(c => c.Id == _chatId);
            open.Should().Be(new ChatFacts("SOR-TEST1", 340, "Søren", ChatState.Active, chat.AgentId));
            stored.Should().NotBeNull();
            stored!.Seq.Should().Be(1);
            (await db.Messages.SingleAsync(m => m.ClientMessageId == "open-1")).SenderName.Should().Be("Søren", "a citizen's message carries the chat's citizen name");
            chat.State = ChatState.Ended;
            await db.SaveChangesAsync();
        }

        var (ended, notStored) = await InsertForChatAsync(_chatId, "after-end");
        var (missing, none) = await InsertForChatAsync(Guid.NewGuid(), "no-chat");

        ended.Should().BeNull("an ended chat takes no more messages");
        notStored.Should().BeNull();
        missing.Should().BeNull();
        none.Should().BeNull();
        await using var reader = new HotlineDbContext(_options);
        (await reader.Messages.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task An_agents_message_is_only_stored_in_a_chat_that_is_that_agents_in_the_database()
    {
        var mia = Guid.NewGuid();
        await using (var db = new HotlineDbContext(_options))
        {
            (await db.Chats.SingleAsync(c => c.Id == _chatId)).AgentId = mia;
            await db.SaveChangesAsync();
        }

        var fromMia = await InsertAgentAsync(mia, "Mia", "mia-1");
        var fromAnother = await InsertAgentAsync(Guid.NewGuid(), "Bo", "bo-1");

        fromMia.Should().BeTrue();
        fromAnother.Should().BeFalse("an agent the chat is not assigned to writes nothing, whatever chat id they send");
        await using var reader = new HotlineDbContext(_options);
        (await reader.Messages.SingleAsync()).SenderName.Should().Be("Mia");
    }

    [Fact]
    public async Task A_message_numbered_after_another_is_never_dated_before_it_though_its_writer_read_the_clock_first()
    {
        var second = CitizenMessages.New(_chatId, "read-the-clock-second");
        var first = CitizenMessages.New(_chatId, "read-the-clock-first");
        first.SentAt = second.SentAt.AddMilliseconds(-150);

        await using (var db = new HotlineDbContext(_options))
        {
            await ChatMessageInsert.ExecuteAsync(db, second, CancellationToken.None);
            await ChatMessageInsert.ExecuteForChatAsync(db, first, CitizenMessages.Writable, CancellationToken.None);
        }

        first.Seq.Should().Be(2);
        first.SentAt.Should().Be(second.SentAt, "the time is taken where the number is: never before the message numbered before it");
        await using var reader = new HotlineDbContext(_options);
        var stored = await reader.Messages.OrderBy(m => m.Seq).Select(m => m.SentAt).ToListAsync();
        stored.Should().Equal(second.SentAt, first.SentAt);
    }

    [Fact]
    public async Task The_citizen_and_the_agent_each_have_their_own_client_message_ids()
    {
        var mia = Guid.NewGuid();
        await using (var db = new HotlineDbContext(_options))
        {
            (await db.Chats.SingleAsync(c => c.Id == _chatId)).AgentId = mia;
            await db.SaveChangesAsync();
        }

        await InsertAsync("1");
        var fromMia = await InsertAgentAsync(mia, "Mia", "1");
        var resend = async () => await InsertAsync("1");

        fromMia.Should().BeTrue("the citizen's message 1 is not the agent's");
        await resend.Should().ThrowAsync<Microsoft.Data.Sqlite.SqliteException>("the citizen's own resend is still refused by the unique index");
        await using var reader = new HotlineDbContext(_options);
        (await reader.Messages.CountAsync(m => m.ClientMessageId == "1")).Should().Be(2);
    }

    private async Task<bool> InsertAgentAsync(Guid agentId, string name, string clientMessageId)
    {
        await using var db = new HotlineDbContext(_options);
        var message = CitizenMessages.New(_chatId, clientMessageId, name);
        message.Sender = MessageSender.Agent;
        message.AgentId = agentId;
        return await ChatMessageInsert.ExecuteForChatAsync(db, message, [ChatState.Active], CancellationToken.None) is not null;
    }

    private async Task<(ChatFacts? Chat, ChatMessageRecord? Stored)> InsertForChatAsync(Guid chatId, string clientMessageId, SqliteMessageWriter? writer = null)
    {
        await using var db = new HotlineDbContext(_options);
        var message = CitizenMessages.New(chatId, clientMessageId);
        var chat = await ChatMessageInsert.ExecuteForChatAsync(db, message, CitizenMessages.Writable, CancellationToken.None, writer);
        return (chat, chat is null ? null : message);
    }

    private async Task<long> InsertAsync(string clientMessageId)
    {
        await using var db = new HotlineDbContext(_options);
        return await ChatMessageInsert.ExecuteAsync(db, CitizenMessages.New(_chatId, clientMessageId, "Åse"), CancellationToken.None);
    }

    private static async Task<long> Scalar(HotlineDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
