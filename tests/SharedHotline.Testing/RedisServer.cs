using System.Diagnostics;
using StackExchange.Redis;

namespace SharedHotline.Testing;

/// <summary>
/// A real <c>redis-server</c> (Debian package) on a free loopback port, stopped on dispose. Without persistence
/// <see cref="RestartAsync"/> stops it hard and starts it again empty on the same port; with it (an append-only file
/// written at every command) a hard restart comes back with what it held, unless told to forget.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string? _folder;
    private Process? _process;

    private RedisServer(int port, string? folder)
    {
        Port = port;
        _folder = folder;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(bool persistent = false)
    {
        var folder = persistent ? Path.Combine(Path.GetTempPath(), "sharedhotline-redis-" + Guid.NewGuid().ToString("N")[..12]) : null;
        var server = new RedisServer(FreePort.Next(), folder);
        await server.LaunchAsync();
        return server;
    }

    /// <summary>SIGKILL and start again on the same port; a persistent server keeps its data unless <paramref name="forget"/>.</summary>
    public async Task RestartAsync(bool forget)
    {
        await StopAsync();
        if (forget && _folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        await LaunchAsync();
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task LaunchAsync()
    {
        var executable = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = _folder is null ? ["--appendonly", "no"] : ["--appendonly", "yes", "--appendfsync", "always", "--dir", _folder];
        if (_folder is not null)
        {
            Directory.CreateDirectory(_folder);
        }

        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--protected-mode", "yes" }.Concat(persistence))
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start; install the Debian package redis-server.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return;
            }
            // LOADING: a persistent server answers before it has read its append-only file back.
            catch (Exception ex) when ((ex is RedisConnectionException || (ex is RedisServerException && ex.Message.StartsWith("LOADING", StringComparison.Ordinal))) && DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }
}
