using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SharedHotline.Domain.Chats;

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
/// message writers of one file in this process take turns on a semaphore instead
/// (<see cref="SqliteMessageWriter.GateOf"/>), and with a <see cref="SqliteMessageWriter"/> they run on its
/// long-lived connection rather than the context's.
/// </summary>
public static class ChatMessageInsert
{
    private static readonly ConditionalWeakTable<IModel, Statement> Statements = [];

    private const int GuardStates = 3;

    /// <summary>Stores the message, sets its <see cref="ChatMessageRecord.Seq"/> and <see cref="ChatMessageRecord.SentAt"/> as stored, and returns the number.</summary>
    public static async Task<long> ExecuteAsync(HotlineDbContext db, ChatMessageRecord message, CancellationToken ct, SqliteMessageWriter? writer = null)
    {
        var statement = Statements.GetValue(db.Model, _ => Statement.For(db));
        return await RunAsync(db, writer, statement, statement.Sql, message, [], async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(CancellationToken.None))
            {
                throw new InvalidOperationException("The insert returned no sequence number.");
            }

            statement.ReadNumberAndTime(reader, message);
            return message.Seq;
        }, ct);
    }

    private static async Task<T> RunAsync<T>(
        HotlineDbContext db, SqliteMessageWriter? writer, Statement statement, string sql, ChatMessageRecord message, ChatState[] writable, Func<DbCommand, Task<T>> execute, CancellationToken ct)
    {
        // This statement bypasses EF Core's command interceptors, so it is timed here for hotline.store.duration.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await RunUntimedAsync(db, writer, statement, sql, message, writable, execute, ct);
        }
        finally
        {
            Telemetry.StoreTimingInterceptor.Of(db)?.Record("message", started);
        }
    }

    private static async Task<T> RunUntimedAsync<T>(
        HotlineDbContext db, SqliteMessageWriter? writer, Statement statement, string sql, ChatMessageRecord message, ChatState[] writable, Func<DbCommand, Task<T>> execute, CancellationToken ct)
    {
        var database = db.Database;
        if (writer is not null && database.CurrentTransaction is null)
        {
            return await writer.RunAsync(sql, command => Bind(command, statement, message, writable), execute, ct);
        }

        var connection = database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await database.OpenConnectionAsync(ct);
        }

        var writers = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite && database.CurrentTransaction is null
            ? SqliteMessageWriter.GateOf(sqlite.DataSource)
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
            command.CommandText = sql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            Bind(command, statement, message, writable);
            return await execute(command);
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

    private static void Bind(DbCommand command, Statement statement, ChatMessageRecord message, ChatState[] writable)
    {
        foreach (var column in statement.Columns)
        {
            command.Parameters.Add(column.Mapping.CreateParameter(command, column.ParameterName, column.Property.GetValue(message), column.Nullable));
        }

        // The guard always has GuardStates placeholders; fewer writable states repeat the last one.
        for (var i = 0; writable.Length > 0 && i < GuardStates; i++)
        {
            command.Parameters.Add(statement.StateMapping.CreateParameter(command, $"s{i}", writable[Math.Min(i, writable.Length - 1)], nullable: false));
        }
    }

    /// <summary>
    /// Stores the message and reads the chat in one statement (one round trip on PostgreSQL): the insert only
    /// happens while the chat is in one of <paramref name="writable"/>, checked inside the statement, so a chat
    /// ended a moment ago on another node is never written to. A citizen's message takes the chat's citizen name;
    /// an agent's is only stored while the chat is the sending agent's (<see cref="ChatRecord.AgentId"/>).
    /// Returns the chat as it was when the message was stored, with <see cref="ChatMessageRecord.Seq"/> and
    /// <see cref="ChatMessageRecord.SentAt"/> set as stored; null
    /// when nothing was stored (no such chat, not writable, not the sender's), which the caller's slower path explains.
    /// </summary>
    public static async Task<ChatFacts?> ExecuteForChatAsync(
        HotlineDbContext db, ChatMessageRecord message, ChatState[] writable, CancellationToken ct, SqliteMessageWriter? writer = null)
    {
        if (writable.Length is 0 or > GuardStates)
        {
            throw new ArgumentOutOfRangeException(nameof(writable), $"Between 1 and {GuardStates} writable states.");
        }

        var statement = Statements.GetValue(db.Model, _ => Statement.For(db));
        var sql = message.Sender switch
        {
            MessageSender.Citizen => statement.GuardedCitizenSql,
            MessageSender.Agent when message.AgentId is not null => statement.GuardedAgentSql,
            _ => throw new ArgumentException("Only a citizen's or an agent's message is stored this way.", nameof(message)),
        };
        return await RunAsync(db, writer, statement, sql, message, writable, async command =>
        {
            // Once the command runs, it is read to the end whatever happens to the caller: disposing a SQLite
            // reader early still steps the INSERT, and the caller must then learn that the message is stored.
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(CancellationToken.None))
            {
                return null;
            }

            statement.ReadNumberAndTime(reader, message);
            var chat = new ChatFacts(
                reader.GetString(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                statement.StateFromProvider(reader.GetValue(5)),
                reader.IsDBNull(6) ? null : reader.GetGuid(6));
            if (message.Sender == MessageSender.Citizen)
            {
                message.SenderName = chat.CitizenName;
            }

            return chat;
        }, ct);
    }

    private sealed record Column(PropertyInfo Property, RelationalTypeMapping Mapping, string ParameterName, bool Nullable);

    private const string ChatAlias = "c";

    private const string LastAlias = "last";

    /// <summary>What the guarded insert returns of the chat after the number and the time, in <see cref="ChatFacts"/>' order.</summary>
    private static readonly string[] ChatFactColumns =
        [nameof(ChatRecord.Reference), nameof(ChatRecord.KommuneKode), nameof(ChatRecord.CitizenName), nameof(ChatRecord.State), nameof(ChatRecord.AgentId)];

    private sealed record Statement(
        string Sql,
        string GuardedAgentSql,
        string GuardedCitizenSql,
        IReadOnlyList<Column> Columns,
        RelationalTypeMapping StateMapping,
        RelationalTypeMapping SentAtMapping)
    {
        /// <summary>The number and the time the statement gave the message: the first two returned columns.</summary>
        public void ReadNumberAndTime(DbDataReader reader, ChatMessageRecord message)
        {
            message.Seq = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            var sentAt = reader.GetValue(1);
            message.SentAt = SentAtMapping.Converter?.ConvertFromProvider(sentAt) is DateTimeOffset converted ? converted : (DateTimeOffset)sentAt;
        }

        public ChatState StateFromProvider(object value) => StateMapping.Converter?.ConvertFromProvider(value) is ChatState state
            ? state
            : (ChatState)Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

        public static Statement For(HotlineDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(ChatMessageRecord))
                ?? throw new InvalidOperationException("The model has no chat messages.");
            var chats = db.Model.FindEntityType(typeof(ChatRecord))
                ?? throw new InvalidOperationException("The model has no chats.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var chatTable = StoreObjectIdentifier.Table(chats.GetTableName()!, chats.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            string ChatColumn(string property) => sql.DelimitIdentifier(chats.FindProperty(property)!.GetColumnName(chatTable)!);
            var columns = new List<Column>();
            var names = new List<string>();
            var values = new List<string>();
            string? seqColumn = null;
            string? sentAtColumn = null;
            var sentAtIndex = -1;
            string? chatIdPlaceholder = null;
            var senderNameIndex = -1;
            string? agentIdPlaceholder = null;
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
                else if (property.Name == nameof(ChatMessageRecord.SenderName))
                {
                    senderNameIndex = values.Count - 1;
                }
                else if (property.Name == nameof(ChatMessageRecord.AgentId))
                {
                    agentIdPlaceholder = values[^1];
                }
                else if (property.Name == nameof(ChatMessageRecord.SentAt))
                {
                    sentAtColumn = column;
                    sentAtIndex = values.Count - 1;
                }
            }

            var chatIdColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(ChatMessageRecord.ChatId))!.GetColumnName(table)!);
            var tableName = sql.DelimitIdentifier(table.Name, table.Schema);

            // The time is taken in the step that numbers the message: the writer's clock, but never earlier than the
            // message numbered before it (a writer that read the clock first may be numbered second, on another node
            // with another clock too), so times never go backwards in sequence order. The stored times are in order,
            // so the chat's last message by number has the latest; its index finds it without a scan.
            var clock = values[sentAtIndex];
            var greatest = db.Database.IsSqlite() ? "MAX" : "GREATEST";
            values[sentAtIndex] =
                $"{greatest}({clock}, COALESCE((SELECT {LastAlias}.{sentAtColumn} FROM {tableName} AS {LastAlias} WHERE {LastAlias}.{chatIdColumn} = {chatIdPlaceholder} ORDER BY {LastAlias}.{seqColumn} DESC LIMIT 1), {clock}))";
            var chatTableName = sql.DelimitIdentifier(chatTable.Name, chatTable.Schema);
            var insert = $"INSERT INTO {tableName} ({string.Join(", ", names)}) SELECT {{0}}";
            var states = string.Join(", ", Enumerable.Range(0, GuardStates).Select(i => sql.GenerateParameterNamePlaceholder($"s{i}")));
            string Chat(string property) => $"{ChatAlias}.{ChatColumn(property)}";
            string Fact(string property) => $"(SELECT {Chat(property)} FROM {chatTableName} AS {ChatAlias} WHERE {Chat(nameof(ChatRecord.Id))} = {chatIdPlaceholder})";
            var facts = string.Join(", ", ChatFactColumns.Select(Fact));

            // The number is a scalar subquery: as a HAVING on MAX() SQLite scans the chat's whole index range
            // instead of seeking its last entry (1.8 ms against 2 µs at 50,000 messages). The row is selected from
            // the chat itself, so nothing is written unless the chat is open (and the sender's), and the chat's facts
            // come back with the number: one statement, one transaction.
            var guardedValues = values.Select(v => v.StartsWith("COALESCE(MAX(", StringComparison.Ordinal)
                ? $"(SELECT {v} FROM {tableName} WHERE {chatIdColumn} = {chatIdPlaceholder})"
                : v).ToList();
            var citizenValues = guardedValues.ToList();
            citizenValues[senderNameIndex] = Chat(nameof(ChatRecord.CitizenName));
            var open = $"{Chat(nameof(ChatRecord.Id))} = {chatIdPlaceholder} AND {Chat(nameof(ChatRecord.State))} IN ({states})";
            string Insert(IEnumerable<string> selected) => string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, string.Join(", ", selected));
            string Guarded(IEnumerable<string> selected, string condition) =>
                Insert(selected) + $" FROM {chatTableName} AS {ChatAlias} WHERE {condition} RETURNING {seqColumn}, {sentAtColumn}, {facts}";
            return new Statement(
                Insert(values) + $" FROM {tableName} WHERE {chatIdColumn} = {chatIdPlaceholder} RETURNING {seqColumn}, {sentAtColumn}",
                Guarded(guardedValues, $"{open} AND {Chat(nameof(ChatRecord.AgentId))} = {agentIdPlaceholder}"),
                Guarded(citizenValues, open),
                columns,
                (RelationalTypeMapping)chats.FindProperty(nameof(ChatRecord.State))!.GetRelationalTypeMapping(),
                (RelationalTypeMapping)entity.FindProperty(nameof(ChatMessageRecord.SentAt))!.GetRelationalTypeMapping());
        }
    }
}
