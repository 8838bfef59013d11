using System.Data;
using System.Data.Common;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// Stores one chat message with a single statement that also numbers it, bypassing the change tracker: every
/// chat message takes this path, and <c>SaveChanges</c> (tracking, batching, topological sort, SQL generation)
/// cost more than the database's own work. The sequence number is the chat's highest plus one, computed inside
/// the INSERT (<c>INSERT ... SELECT COALESCE(MAX(Seq), 0) + 1 ... RETURNING Seq</c>), so writers on several
/// nodes need no shared counter and no retry in the common case. Column names and each value's conversion come
/// from the EF model and its type mappings, so the row matches what EF itself writes on SQLite and PostgreSQL.
/// A unique-index violation (a resend, or on PostgreSQL two writers numbering at the same instant) surfaces as
/// the provider's <see cref="DbException"/>.
/// SQLite has one writer per database file. A second writer that finds the file locked waits in SQLite's busy
/// handler, which sleeps 1, 2, 5, 10 ms between tries, far longer than the 30 µs an insert takes; so the
/// message writers of one file in this process take turns on a semaphore instead (<see cref="SqliteWriters"/>).
/// </summary>
public static class ChatMessageInsert
{
    private static readonly ConditionalWeakTable<IModel, Statement> Statements = [];
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    /// <summary>Stores the message, sets its <see cref="ChatMessageRecord.Seq"/> and returns it.</summary>
    public static async Task<long> ExecuteAsync(HotlineDbContext db, ChatMessageRecord message, CancellationToken ct)
    {
        var statement = Statements.GetValue(db.Model, _ => Statement.For(db));
        var database = db.Database;
        var connection = database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await database.OpenConnectionAsync(ct);
        }

        var writers = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite && database.CurrentTransaction is null
            ? SqliteWriters.GetOrAdd(sqlite.DataSource, _ => new SemaphoreSlim(1, 1))
            : null;
        var turn = false;
        try
        {
            if (writers is not null)
            {
                await writers.WaitAsync(ct);
                turn = true;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            foreach (var column in statement.Columns)
            {
                command.Parameters.Add(column.Mapping.CreateParameter(command, column.ParameterName, column.Property.GetValue(message), column.Nullable));
            }

            var seq = await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("The insert returned no sequence number.");
            message.Seq = Convert.ToInt64(seq, System.Globalization.CultureInfo.InvariantCulture);
            return message.Seq;
        }
        finally
        {
            if (turn)
            {
                writers!.Release();
            }

            if (opened)
            {
                await database.CloseConnectionAsync();
            }
        }
    }

    private sealed record Column(PropertyInfo Property, RelationalTypeMapping Mapping, string ParameterName, bool Nullable);

    private sealed record Statement(string Sql, IReadOnlyList<Column> Columns)
    {
        public static Statement For(HotlineDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(ChatMessageRecord))
                ?? throw new InvalidOperationException("The model has no chat messages.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = new List<Column>();
            var names = new List<string>();
            var values = new List<string>();
            string? seqColumn = null;
            string? chatIdPlaceholder = null;
            foreach (var property in entity.GetProperties())
            {
                var column = sql.DelimitIdentifier(property.GetColumnName(table)!);
                names.Add(column);
                if (property.Name == nameof(ChatMessageRecord.Seq))
                {
                    seqColumn = column;
                    values.Add($"COALESCE(MAX({column}), 0) + 1");
                    continue;
                }

                var name = $"p{columns.Count}";
                columns.Add(new Column(
                    property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property."),
                    (RelationalTypeMapping)property.GetRelationalTypeMapping(),
                    name,
                    property.IsNullable));
                values.Add(sql.GenerateParameterNamePlaceholder(name));
                if (property.Name == nameof(ChatMessageRecord.ChatId))
                {
                    chatIdPlaceholder = values[^1];
                }
            }

            var chatIdColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(ChatMessageRecord.ChatId))!.GetColumnName(table)!);
            var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
            return new Statement(
                $"INSERT INTO {tableName} ({string.Join(", ", names)}) SELECT {string.Join(", ", values)} FROM {tableName} WHERE {chatIdColumn} = {chatIdPlaceholder} RETURNING {seqColumn}",
                columns);
        }
    }
}
