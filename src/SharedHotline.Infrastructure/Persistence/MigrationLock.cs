using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// One node migrates and seeds at a time: on PostgreSQL a session-level advisory lock, held on a connection of its own
/// (not pooled, so the lock ends with the session if the node dies mid-migration), taken before the migrations and
/// released after the seeding. The other nodes wait on the lock, then find the schema current and the seed present.
/// SQLite is one node's file; EF Core's own migration lock covers a second process on it.
/// </summary>
public sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>
    /// The advisory lock's first key ("SHOT" in ASCII); the second is the database's name hashed, so installations
    /// sharing one PostgreSQL server do not wait for each other.
    /// </summary>
    public const int Key = 0x53484F54;

    private readonly NpgsqlConnection? _connection;

    private MigrationLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<MigrationLock> AcquireAsync(HotlineDbContext db, ILogger logger, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return new MigrationLock(null);
        }

        await CreateDatabaseIfMissingAsync(db, logger, ct);
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (!await RunAsync(connection, "SELECT pg_try_advisory_lock(@key, hashtext(current_database()))", ct))
            {
                logger.LogInformation("Another node is migrating the database; waiting for it to finish");
                await RunAsync(connection, "SELECT pg_advisory_lock(@key, hashtext(current_database()))", ct);
            }

            return new MigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The lock lives in the database, so the database must exist first: as EF Core's migrations would, a node creates a
    /// missing one (the role needs CREATEDB for that); two nodes creating it at once are one success and one 42P04.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(HotlineDbContext db, ILogger logger, CancellationToken ct)
    {
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(ct);
            logger.LogInformation("Created the hotline's database, which did not exist");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            logger.LogInformation("Another node created the hotline's database meanwhile");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            await RunAsync(_connection, "SELECT pg_advisory_unlock(@key, hashtext(current_database()))", CancellationToken.None);
        }
        finally
        {
            // Closing the unpooled session releases the lock even if the unlock failed.
            await _connection.DisposeAsync();
        }
    }

    private static async Task<bool> RunAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", Key);
        command.CommandTimeout = 0;
        return await command.ExecuteScalarAsync(ct) is true;
    }
}
