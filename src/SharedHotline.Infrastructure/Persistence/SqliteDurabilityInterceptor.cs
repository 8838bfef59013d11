using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// Sets SQLite's <c>synchronous</c> level and busy timeout on every connection (it is per connection). With the WAL journal,
/// NORMAL (the default here) keeps every committed message through a process crash or node restart and
/// only a power loss of the machine can lose the last commits; FULL also survives that, at the cost of an
/// fsync per message (about 6 ms on the development VM). See docs/benchmarks.md.
/// EF opens and closes a pooled connection around every query and save, so the pragma is only run the first
/// time a native SQLite handle is seen, not on every open.
/// With <paramref name="checkpointInBackground"/> the connection never checkpoints the write-ahead log inside a
/// commit (<c>wal_autocheckpoint=0</c>): <see cref="SqliteCheckpointer"/> does it on its own connection.
/// </summary>
public sealed class SqliteDurabilityInterceptor(string synchronous, bool checkpointInBackground = false) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _configured = [];

    // busy_timeout: SQLite has one writer at a time. Without it a second writer gets SQLITE_BUSY at once and
    // Microsoft.Data.Sqlite retries after sleeping 150 ms, which showed as a 150 ms step in message latency
    // under load; SQLite's own busy handler retries after 1, 2, 5, 10 ... ms instead.
    /// <summary>What is set on every connection; also for connections opened outside EF (<see cref="SqliteMessageWriter"/>).</summary>
    // secure_delete: a deleted row's bytes are overwritten in the page, not left in free space where a copy of the
    // file would still hold a citizen's deleted chat (docs/security.md).
    public string Pragmas { get; } = $"PRAGMA synchronous={Validate(synchronous)}; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON;"
        + (checkpointInBackground ? " PRAGMA wal_autocheckpoint=0;" : "");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);

    private static string Validate(string level) =>
        level.ToUpperInvariant() is "NORMAL" or "FULL" or "EXTRA"
            ? level.ToUpperInvariant()
            : throw new InvalidOperationException($"Hotline:Sqlite:Synchronous must be NORMAL, FULL or EXTRA, not '{level}'.");
}
