using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Chats;
using SharedHotline.Testing;

namespace SharedHotline.Benchmarks;

/// <summary>
/// Storing one chat message the way a hub call does (ChatMessageLog.TryAppendToChatAsync: one command that reads
/// the chat and stores the message with its number while the chat is open), from pooled contexts and, on SQLite,
/// the long-lived writer connection as in the server, on the SQLite default (WAL, synchronous NORMAL with checkpoints in the background, and FULL) and on a
/// real PostgreSQL server (synchronous commit on). Each operation is one acknowledged message.
/// </summary>
[MemoryDiagnoser]
public class MessagePersistenceBenchmarks
{
    private PostgresServer? _postgres;
    private string _folder = null!;
    private PooledDbContextFactory<HotlineDbContext> _sqliteNormal = null!;
    private PooledDbContextFactory<HotlineDbContext> _sqliteFull = null!;
    private PooledDbContextFactory<PostgresHotlineDbContext> _pg = null!;
    private SqliteCheckpointer _checkpointer = null!;
    private SqliteMessageWriter _normalWriter = null!;
    private SqliteMessageWriter _fullWriter = null!;
    private Timer? _checkpoints;
    private Guid _chatNormal;
    private Guid _chatFull;
    private Guid _chatPg;
    private int _n;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "hotline-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        _sqliteNormal = Sqlite("normal.db", "NORMAL", checkpointInBackground: true);
        _sqliteFull = Sqlite("full.db", "FULL", checkpointInBackground: false);
        _postgres = await PostgresServer.StartAsync();
        _pg = new PooledDbContextFactory<PostgresHotlineDbContext>(new DbContextOptionsBuilder<PostgresHotlineDbContext>()
            .UseNpgsql(PostgresConnectionTuning.Apply(await _postgres.CreateDatabaseAsync())).Options);
        _chatNormal = await CreateChatAsync(_sqliteNormal.CreateDbContext(), wal: true);
        _chatFull = await CreateChatAsync(_sqliteFull.CreateDbContext(), wal: true);
        _chatPg = await CreateChatAsync(_pg.CreateDbContext(), wal: false);
        _normalWriter = new SqliteMessageWriter($"Data Source={Path.Combine(_folder, "normal.db")}", new SqliteDurabilityInterceptor("NORMAL", checkpointInBackground: true).Pragmas);
        _fullWriter = new SqliteMessageWriter($"Data Source={Path.Combine(_folder, "full.db")}", new SqliteDurabilityInterceptor("FULL").Pragmas);
        _checkpointer = new SqliteCheckpointer($"Data Source={Path.Combine(_folder, "normal.db")}", TimeSpan.FromSeconds(1), Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteCheckpointer>.Instance);
        _checkpoints = new Timer(_ => _ = _checkpointer.CheckpointAsync(CancellationToken.None), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_checkpoints is not null)
        {
            await _checkpoints.DisposeAsync();
        }

        await _normalWriter.DisposeAsync();
        await _fullWriter.DisposeAsync();

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task Sqlite_synchronous_normal() => AppendAsync(_sqliteNormal.CreateDbContext(), _chatNormal, _normalWriter);

    [Benchmark]
    public Task Sqlite_synchronous_full() => AppendAsync(_sqliteFull.CreateDbContext(), _chatFull, _fullWriter);

    [Benchmark]
    public Task PostgreSql() => AppendAsync(_pg.CreateDbContext(), _chatPg, null);

    private async Task AppendAsync(HotlineDbContext db, Guid chatId, SqliteMessageWriter? writer)
    {
        await using (db)
        {
            var log = new ChatMessageLog(db, TimeProvider.System, writer);
            var appended = await log.TryAppendToChatAsync(chatId, MessageSender.Citizen, null, null, "m" + Interlocked.Increment(ref _n), "Hvornår kan jeg hente mit nye pas?", Writable, CancellationToken.None);
            if (appended.Stored is null)
            {
                throw new InvalidOperationException("The message was not stored.");
            }
        }
    }

    private static readonly ChatState[] Writable = [ChatState.Queued, ChatState.Assigned, ChatState.Active];

    private PooledDbContextFactory<HotlineDbContext> Sqlite(string file, string synchronous, bool checkpointInBackground) =>
        new(new DbContextOptionsBuilder<HotlineDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, file)}")
            .AddInterceptors(new SqliteDurabilityInterceptor(synchronous, checkpointInBackground))
            .Options);

    private static async Task<Guid> CreateChatAsync(HotlineDbContext db, bool wal)
    {
        await using (db)
        {
            await db.Database.MigrateAsync();
            if (wal)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var chat = new ChatRecord { Id = Guid.NewGuid(), Reference = "SOR-BENCH1", KommuneKode = 340, Topic = "pas", State = ChatState.Active, CreatedAt = DateTimeOffset.UtcNow };
            db.Chats.Add(chat);
            await db.SaveChangesAsync();
            return chat.Id;
        }
    }
}
