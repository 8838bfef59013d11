using System.Net;
using System.Net.Sockets;

namespace SharedHotline.Testing;

/// <summary>
/// A TCP load balancer on loopback, as in front of a real cluster: it polls each node's <c>/health/ready</c> every 100 ms
/// and gives each new connection to the first node in its list that is ready. Clients skip negotiation and use
/// WebSockets, so a hub connection is one TCP connection and needs no stickiness (docs/scale-out.md).
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Uri[] _nodes;
    private readonly bool[] _ready;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _work = [];

    public LoadBalancer(params Uri[] nodes)
    {
        _nodes = nodes;
        _ready = new bool[nodes.Length];
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _work.Add(Task.Run(PollAsync));
        _work.Add(Task.Run(AcceptAsync));
    }

    public Uri BaseAddress { get; }

    /// <summary>How many connections each node was given.</summary>
    public int[] Given { get; } = new int[2];

    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!_ready.All(r => r))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Not every node behind the load balancer became ready.");
            }

            await Task.Delay(50);
        }
    }

    private async Task PollAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        while (!_stop.IsCancellationRequested)
        {
            for (var i = 0; i < _nodes.Length; i++)
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(_nodes[i], "/health/ready"), _stop.Token);
                    _ready[i] = response.IsSuccessStatusCode;
                }
                catch (Exception) when (!_stop.IsCancellationRequested)
                {
                    _ready[i] = false;
                }
            }

            await Task.Delay(100, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            var node = Array.IndexOf(_ready, true);
            if (node < 0)
            {
                client.Dispose();
                continue;
            }

            if (node < Given.Length)
            {
                Interlocked.Increment(ref Given[node]);
            }

            _ = Task.Run(() => PipeAsync(client, _nodes[node]));
        }
    }

    private async Task PipeAsync(TcpClient client, Uri node)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(node.Host, node.Port, _stop.Token);
                var a = client.GetStream();
                var b = upstream.GetStream();
                // Whichever side closes first ends both, as a proxy does.
                await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
            }
            catch (Exception)
            {
                // A side went away: the other is closed with it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await Task.WhenAll(_work);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
