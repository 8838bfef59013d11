using System.Runtime.InteropServices;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// The console lifetime with one change: on SIGTERM (or Ctrl+C, SIGQUIT) the node drains first (<see cref="NodeDrain"/>)
/// and only then stops the host. The default lifetime stops the host at once, and SignalR closes every connection
/// the moment the host stops, before a hosted service could tell its clients where to go. A second signal stops at once.
/// </summary>
public sealed class DrainingLifetime(NodeDrain drain, IHostApplicationLifetime lifetime, ILogger<DrainingLifetime> logger) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => logger.LogInformation("Application started; SIGTERM drains the node before it stops"));
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }

        return Task.CompletedTask;
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            lifetime.StopApplication();
            return;
        }

        logger.LogInformation("{Signal} received: draining before stopping", context.Signal);
        _ = drain.DrainAsync().ContinueWith(_ => lifetime.StopApplication(), TaskScheduler.Default);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
