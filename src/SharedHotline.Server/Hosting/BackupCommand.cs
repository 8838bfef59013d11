using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// <c>dotnet SharedHotline.Server.dll --backup PATH</c>: an online backup of the embedded SQLite database to PATH while
/// the server runs, read from the same configuration (environment, appsettings, <c>Hotline:DataFolder</c>) as the
/// server, so run it in the same working directory and environment (e.g. <c>docker compose exec</c>). Exit code 0 with
/// the copy in place, 1 on failure, 2 on PostgreSQL (use pg_dump, docs/operations.md). Restore: docs/operations.md.
/// </summary>
public static class BackupCommand
{
    public const string Flag = "--backup";

    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, Flag);
        if (at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Usage: SharedHotline.Server --backup PATH   (an online copy of the SQLite database)");
            return 1;
        }

        var target = args[at + 1];
        var rest = args.Where((_, i) => i != at && i != at + 1).ToArray();
        var builder = WebApplication.CreateBuilder(rest);
        var configuration = builder.Configuration;
        if (!string.Equals(configuration["Hotline:Database"] ?? "sqlite", "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync("This node runs on PostgreSQL: back it up with pg_dump (docs/operations.md, \"Backups\").");
            return 2;
        }

        try
        {
            var source = PersistenceServiceCollectionExtensions.SqliteConnectionString(configuration, builder.Environment.ContentRootPath);
            var result = await SqliteBackup.RunAsync(source, target);
            await Console.Out.WriteLineAsync($"Backup written to {result.Path}: {result.Bytes} bytes, {result.Chats} chats, {result.Messages} messages; integrity check ok.");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"Backup failed: {ex.Message}");
            return 1;
        }
    }
}
