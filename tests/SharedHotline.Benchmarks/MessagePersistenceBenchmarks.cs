using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Chats;
using SharedHotline.Testing;

namespace SharedHotline.Benchmarks;

/// <summary>
/// Storing one chat message the way a hub call does (ChatMessageLog.AppendAsync: one INSERT that also
/// numbers the message), on the SQLite default (WAL, synchronous NORMAL and FULL) and on a real
/// PostgreSQL server (synchronous commit on). Each operation is one acknowledged message.
/// </summary>
[MemoryDiagnoser]
public class MessagePersistenceBenchmarks
{
    private PostgresServer? _postgres;
    private string _folder = null!;
    private DbContextOptions<HotlineDbContext> _sqliteNormal = null!;
    private DbContextOptions<HotlineDbContext> _sqliteFull = null!;
    private DbContextOptions<PostgresHotlineDbContext> _pg = null!;
    private Guid _chatNormal;
    private Guid _chatFull;
    private Guid _chatPg;
    private int _n;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "hotline-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        _sqliteNormal = Sqlite("normal.db", "NORMAL");
        _sqliteFull = Sqlite("full.db", "FULL");
        _postgres = await PostgresServer.StartAsync();
        _pg = new DbContextOptionsBuilder<PostgresHotlineDbContext>().UseNpgsql(await _postgres.CreateDatabaseAsync()).Options;
        _chatNormal = await CreateChatAsync(new HotlineDbContext(_sqliteNormal), wal: true);
        _chatFull = await CreateChatAsync(new HotlineDbContext(_sqliteFull), wal: true);
        _chatPg = await CreateChatAsync(new PostgresHotlineDbContext(_pg), wal: false);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task Sqlite_synchronous_normal() => AppendAsync(new HotlineDbContext(_sqliteNormal), _chatNormal);

    [Benchmark]
    public Task Sqlite_synchronous_full() => AppendAsync(new HotlineDbContext(_sqliteFull), _chatFull);

    [Benchmark]
    public Task PostgreSql() => AppendAsync(new PostgresHotlineDbContext(_pg), _chatPg);

    private async Task AppendAsync(HotlineDbContext db, Guid chatId)
    {
        await using (db)
        {
            var log = new ChatMessageLog(db, TimeProvider.System);
            await log.AppendAsync(chatId, MessageSender.Citizen, null, "Åse", "m" + Interlocked.Increment(ref _n), "Hvornår kan jeg hente mit nye pas?", CancellationToken.None);
        }
    }

    private DbContextOptions<HotlineDbContext> Sqlite(string file, string synchronous) =>
        new DbContextOptionsBuilder<HotlineDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, file)}")
            .AddInterceptors(new SqliteDurabilityInterceptor(synchronous))
            .Options;

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
