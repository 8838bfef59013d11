using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace SharedHotline.Testing;

/// <summary>
/// A real RabbitMQ broker (Debian package rabbitmq-server) as its own Erlang node, with its data in a
/// throw-away folder and its AMQP listener on a free loopback port. Stopped and deleted on dispose.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string Script = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private readonly string _folder;
    private Process? _process;

    private RabbitMqServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The AMQP URI with the default guest account (allowed from loopback only).</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public static async Task<RabbitMqServer> StartAsync()
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException("rabbitmq-server is not installed; install the Debian package rabbitmq-server.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "sharedhotline-rabbit-" + Guid.NewGuid().ToString("N")[..12]);
        var server = new RabbitMqServer(folder, FreePort.Next());
        await server.LaunchAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder clean-up.
        }
    }

    private async Task LaunchAsync()
    {
        Directory.CreateDirectory(_folder);
        var port = Port.ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(_folder, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(_folder, "rabbitmq.conf"), $"listeners.tcp.default = 127.0.0.1:{port}\n");
        var info = new ProcessStartInfo(Script)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        info.Environment["HOME"] = _folder;
        info.Environment["RABBITMQ_NODENAME"] = $"hotline{port}@localhost";
        info.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        info.Environment["RABBITMQ_NODE_PORT"] = port;
        info.Environment["RABBITMQ_DIST_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_folder, "log");
        info.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_folder, "rabbitmq");
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder, "enabled_plugins");
        _process = Process.Start(info) ?? throw new InvalidOperationException("rabbitmq-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                await Task.Delay(500);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }
}
