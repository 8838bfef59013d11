using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// One long-lived connection per SQLite file for the chat-message statements, which every hub call runs.
/// SQLite has one writer per file anyway, so the statements take turns (on the same gate as any other
/// message insert of this file in the process, <see cref="GateOf"/>) and gain what a pooled EF connection
/// loses on each call: prepared statements, and a page cache that is not thrown away because another
/// connection wrote in between. On the development VM a message with its chat read took 57-68 µs this way
/// against 124-136 µs through a pooled context when calls arrive a millisecond apart (docs/benchmarks.md).
/// </summary>
public sealed class SqliteMessageWriter(string connectionString, string pragmas) : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = GateOf(new SqliteConnectionStringBuilder(connectionString).DataSource);
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private bool _disposed;

    /// <summary>The turn of the message writers of one database file in this process.</summary>
    public static SemaphoreSlim GateOf(string dataSource) => Gates.GetOrAdd(dataSource, _ => new SemaphoreSlim(1, 1));

    /// <summary>Runs <paramref name="sql"/> (prepared once) on the writer connection, parameters bound by <paramref name="bind"/>.</summary>
    public async Task<T> RunAsync<T>(string sql, Action<DbCommand> bind, Func<DbCommand, Task<T>> execute, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var command = Command(sql);
            command.Parameters.Clear();
            bind(command);
            try
            {
                return await execute(command);
            }
            catch (SqliteException) when (_connection?.State != ConnectionState.Open)
            {
                Reset();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A statement still running after the host stopped its connections gets five seconds to finish.
        var turn = await _gate.WaitAsync(TimeSpan.FromSeconds(5));
        try
        {
            _disposed = true;
            Reset();
        }
        finally
        {
            if (turn)
            {
                _gate.Release();
            }
        }
    }

    private SqliteCommand Command(string sql)
    {
        if (_connection is null)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            using var setup = _connection.CreateCommand();
            setup.CommandText = pragmas + " PRAGMA foreign_keys=1;";
            setup.ExecuteNonQuery();
        }

        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        return command;
    }

    private void Reset()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _connection?.Dispose();
        _connection = null;
    }
}
