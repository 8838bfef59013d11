using Microsoft.Data.Sqlite;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// An online backup of the SQLite database through SQLite's backup API: every page copied inside one read
/// transaction, so the copy is the database as of one instant, while the server goes on writing (WAL mode: readers
/// and the writer do not block each other). The copy is written beside the target and moved into place once it passed
/// SQLite's integrity check, so a half-written backup never carries the target's name.
/// </summary>
public static class SqliteBackup
{
    public sealed record Result(string Path, long Bytes, long Chats, long Messages);

    public static async Task<Result> RunAsync(string sourceConnectionString, string targetPath, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(targetPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var source = new SqliteConnectionStringBuilder(sourceConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        if (!File.Exists(source.DataSource))
        {
            throw new FileNotFoundException("There is no SQLite database to back up at the configured place.", source.DataSource);
        }

        if (string.Equals(Path.GetFullPath(source.DataSource), target, StringComparison.Ordinal))
        {
            throw new ArgumentException("The backup must not overwrite the database itself.", nameof(targetPath));
        }

        var partial = target + ".partial";
        File.Delete(partial);
        await using (var from = new SqliteConnection(source.ConnectionString))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            var check = await ScalarAsync(to, "PRAGMA integrity_check", ct);
            if (!string.Equals(check as string, "ok", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The backup failed SQLite's integrity check: {check}");
            }
        }

        File.Move(partial, target, overwrite: true);
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await copy.OpenAsync(ct);
        var chats = (long)(await ScalarAsync(copy, "SELECT count(*) FROM chats", ct))!;
        var messages = (long)(await ScalarAsync(copy, "SELECT count(*) FROM chat_messages", ct))!;
        return new Result(target, new FileInfo(target).Length, chats, messages);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
