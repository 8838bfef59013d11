using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// Sets SQLite's <c>synchronous</c> level on every connection (it is per connection). With the WAL journal,
/// NORMAL (the default here) keeps every committed message through a process crash or node restart and
/// only a power loss of the machine can lose the last commits; FULL also survives that, at the cost of an
/// fsync per message (about 6 ms on the development VM). See docs/benchmarks.md.
/// </summary>
public sealed class SqliteDurabilityInterceptor(string synchronous) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA synchronous={Validate(synchronous)};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Validate(string level) =>
        level.ToUpperInvariant() is "NORMAL" or "FULL" or "EXTRA"
            ? level.ToUpperInvariant()
            : throw new InvalidOperationException($"Hotline:Sqlite:Synchronous must be NORMAL, FULL or EXTRA, not '{level}'.");
}
