using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SharedHotline.Client.Contracts;
using SharedHotline.Server.Chats;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// A graceful leave (SIGTERM, or the host stopping): the node answers <c>/health/ready</c> 503 at once and refuses new hub
/// connections, tells its citizens and agents to reconnect (<see cref="ReconnectAdvice"/>; the load balancer sends them to
/// another node, where they resume by sequence number), waits up to <see cref="DrainOptions.Timeout"/> for them to go,
/// and hands over its agents' presence: an agent whose console moved is held by her new node; one whose console did
/// not come back gets the ordinary grace (<see cref="AgentPresences.LeaveAsync"/>), so no chat returns to the queue
/// because the node left. Only then does the host stop (and SignalR close what is left).
/// </summary>
public sealed class NodeDrain(
    IServiceProvider services,
    IOptions<DrainOptions> options,
    ILogger<NodeDrain> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<Guid, bool> _leaving = new();
    private readonly Lock _gate = new();
    private Task? _drain;
    private volatile bool _draining;
    private volatile bool _handedOver;

    public bool Draining => _draining;

    /// <summary>
    /// An agent's last connection here closed during the drain: her presence stays as it is until the drain ends, so
    /// her console's move to another node is a take-over there, not an absence here. False once the drain handed over.
    /// </summary>
    public bool LeaveAfterDrain(Guid agentId)
    {
        if (!_draining || _handedOver)
        {
            return false;
        }

        _leaving[agentId] = true;
        return true;
    }

    public Task DrainAsync()
    {
        lock (_gate)
        {
            _draining = true;
            return _drain ??= Task.Run(RunAsync);
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DrainAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's own shutdown timeout is shorter than the drain's: it wins, and the host stops anyway.
            logger.LogWarning("The host's shutdown timeout cut the drain short");
        }
    }

    private async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var connections = services.GetRequiredService<DrainConnections>();
        logger.LogInformation("Draining: not ready, refusing new connections; {Citizens} citizen and {Agents} agent connections to move", connections.Citizens.Count, connections.Agents.Count);
        try
        {
            await Task.Delay(options.Value.ReadyDelay);
            var citizens = services.GetRequiredService<IHubContext<CitizenHub, ICitizenHubClient>>();
            var agents = services.GetRequiredService<IHubContext<AgentHub, IAgentHubClient>>();
            var advice = new ReconnectAdvice(ReconnectAdvice.Draining);
            var deadline = options.Value.Timeout;
            TimeSpan? told = null;
            while (connections.Count > 0 && clock.Elapsed < deadline)
            {
                // Told again every few seconds: a client that was itself reconnecting may have missed the first word.
                if (told is null || clock.Elapsed - told >= Repeat)
                {
                    told = clock.Elapsed;
                    await Tell(() => citizens.Clients.Clients(connections.Citizens).Reconnect(advice));
                    await Tell(() => agents.Clients.Clients(connections.Agents).Reconnect(advice));
                }

                await Task.Delay(Poll);
            }

            await HandOverAsync();
            logger.LogInformation("Drained in {ElapsedMs} ms; {Remaining} connections left to close", clock.ElapsedMilliseconds, connections.Count);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Drain did not finish; stopping anyway after {ElapsedMs} ms", clock.ElapsedMilliseconds);
        }
    }

    private async Task HandOverAsync()
    {
        _handedOver = true;
        foreach (var agentId in _leaving.Keys)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                // Offline with the grace unless another node holds her now (her console moved): then nothing changes.
                await scope.ServiceProvider.GetRequiredService<AgentPresences>().LeaveAsync(agentId, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Agent {AgentId}'s presence could not be handed over; her chats wait for the node's heartbeat to expire", agentId);
            }
        }
    }

    private async Task Tell(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Clients could not be told to reconnect");
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
