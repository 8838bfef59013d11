using System.Net;
using System.Net.Sockets;

namespace SharedHotline.Testing;

/// <summary>
/// A TCP load balancer on loopback, as in front of a real cluster: it polls each node's <c>/health/ready</c> every 100 ms
/// and gives each new connection to the first node in its list that is ready, or with <see cref="Spread"/> to the ready
/// nodes in turn. Clients skip negotiation and use WebSockets, so a hub connection is one TCP connection and needs no
/// stickiness (docs/scale-out.md). <see cref="DropRandomConnection"/> cuts one of them as a broken network would.
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Uri[] _nodes;
    private readonly bool[] _ready;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _work = [];
    private readonly Lock _gate = new();
    private readonly List<CancellationTokenSource> _open = [];
    private int _turn;

    public LoadBalancer(params Uri[] nodes)
    {
        Given = new int[Math.Max(2, nodes.Length)];
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
    public int[] Given { get; }

    /// <summary>Gives new connections to the ready nodes in turn instead of to the first one.</summary>
    public bool Spread { get; init; }

    /// <summary>Closes one open connection at random, both sides at once: the client sees its socket drop mid-flight.</summary>
    public bool DropRandomConnection(Random random)
    {
        CancellationTokenSource? victim;
        lock (_gate)
        {
            victim = _open.Count == 0 ? null : _open[random.Next(_open.Count)];
        }

        victim?.Cancel();
        return victim is not null;
    }

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

            var node = Pick();
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

    private int Pick()
    {
        var ready = Enumerable.Range(0, _nodes.Length).Where(i => _ready[i]).ToList();
        if (ready.Count == 0)
        {
            return -1;
        }

        return Spread ? ready[(int)((uint)Interlocked.Increment(ref _turn) % ready.Count)] : ready[0];
    }

    private async Task PipeAsync(TcpClient client, Uri node)
    {
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        lock (_gate)
        {
            _open.Add(cut);
        }

        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(node.Host, node.Port, cut.Token);
                var a = client.GetStream();
                var b = upstream.GetStream();
                // Whichever side closes first ends both, as a proxy does.
                await Task.WhenAny(a.CopyToAsync(b, cut.Token), b.CopyToAsync(a, cut.Token));
            }
            catch (Exception)
            {
                // A side went away: the other is closed with it.
            }
            finally
            {
                lock (_gate)
                {
                    _open.Remove(cut);
                }

                if (cut.IsCancellationRequested && !_stop.IsCancellationRequested)
                {
                    // A reset rather than a polite close, as when a network path breaks.
                    client.Client.LingerState = new LingerOption(true, 0);
                    upstream.Client.LingerState = new LingerOption(true, 0);
                }
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
