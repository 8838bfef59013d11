using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// Stores one chat message with a single INSERT, bypassing the change tracker: every chat message takes this
/// path, and <c>SaveChanges</c> (tracking, batching, topological sort, SQL generation) cost more than the
/// database's own work. The statement, its column names and each value's conversion come from the EF model and
/// its type mappings, so it matches what EF itself writes on SQLite and PostgreSQL. A unique-index violation
/// (a resend, or another writer taking the sequence number) surfaces as the provider's <see cref="DbException"/>.
/// </summary>
public static class ChatMessageInsert
{
    private static readonly ConditionalWeakTable<IModel, Statement> Statements = [];

    public static async Task ExecuteAsync(HotlineDbContext db, ChatMessageRecord message, CancellationToken ct)
    {
        var statement = Statements.GetValue(db.Model, _ => Statement.For(db));
        var database = db.Database;
        var connection = database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            foreach (var column in statement.Columns)
            {
                command.Parameters.Add(column.Mapping.CreateParameter(command, column.ParameterName, column.Property.GetValue(message), column.Nullable));
            }

            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
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
            var placeholders = new List<string>();
            foreach (var property in entity.GetProperties())
            {
                var name = $"p{columns.Count}";
                columns.Add(new Column(
                    property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property."),
                    (RelationalTypeMapping)property.GetRelationalTypeMapping(),
                    name,
                    property.IsNullable));
                names.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
                placeholders.Add(sql.GenerateParameterNamePlaceholder(name));
            }

            return new Statement(
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", placeholders)})",
                columns);
        }
    }
}
