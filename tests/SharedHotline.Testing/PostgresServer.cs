using System.Diagnostics;
using Npgsql;

namespace SharedHotline.Testing;

/// <summary>
/// A real PostgreSQL server (Debian package postgresql) in a throw-away data folder on a free loopback
/// port, run as the postgres user when the tests run as root. Stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private Process? _process;

    private PostgresServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=hotline;Password=hotline;Database={database};Pooling=true;Include Error Detail=true";

    public static async Task<PostgresServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sharedhotline-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var server = new PostgresServer(folder, FreePort.Next());
        await server.LaunchAsync();
        return server;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "hotline_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>
    /// Freezes the server and every backend with SIGSTOP for <paramref name="pause"/>, then SIGCONT: to its clients the
    /// database stops answering mid-query, as under a long stall of its disk or host, and then carries on.
    /// </summary>
    public async Task PauseAsync(TimeSpan pause)
    {
        var processes = ServerProcessIds();
        await SignalAsync("-STOP", processes);
        try
        {
            await Task.Delay(pause);
        }
        finally
        {
            await SignalAsync("-CONT", processes);
        }
    }

    private List<int> ServerProcessIds()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(_folder, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        var ids = new List<int> { postmaster };
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                // "pid (comm) state ppid ...": the parent follows the closing parenthesis of the command name.
                var text = File.ReadAllText(stat);
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == postmaster)
                {
                    ids.Add(int.Parse(text[..text.IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process, or gone meanwhile.
            }
        }

        return ids;
    }

    private static async Task SignalAsync(string signal, List<int> processes)
    {
        using var kill = Process.Start("kill", [signal, .. processes.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))])!;
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder clean-up.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the temp folder clean-up.
        }
    }

    private static string BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists).OrderDescending().FirstOrDefault()
              ?? throw new InvalidOperationException("No PostgreSQL server binaries; install the Debian package postgresql.")
            : throw new InvalidOperationException("No PostgreSQL server binaries; install the Debian package postgresql.");

    private static bool IsRoot => Environment.UserName == "root";

    private async Task LaunchAsync()
    {
        var data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        var passwordFile = Path.Combine(_folder, "pw");
        await File.WriteAllTextAsync(passwordFile, "hotline");
        if (IsRoot)
        {
            await RunAsync("chown", "-R", "postgres:postgres", _folder);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"), "-D", data, "-U", "hotline", "--pwfile", passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        _process = Start(Path.Combine(BinDirectory, "postgres"), "-D", data, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", _folder, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Timeout=2");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    private static Process Start(string program, params string[] args)
    {
        var info = new ProcessStartInfo(IsRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add("postgres");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(program);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var isChown = program == "chown";
        var info = new ProcessStartInfo(isChown || !IsRoot ? program : "runuser") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (!isChown && IsRoot)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
