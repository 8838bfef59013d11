namespace SharedHotline.Server.Chats;

/// <summary>Re-runs routing every few seconds: slots open and close, and overflow starts after a wait.</summary>
public sealed class DispatchTicker(ChatDispatcher dispatcher, TimeProvider time, ILogger<DispatchTicker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                await dispatcher.DispatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Periodic dispatch failed; retrying in {Interval}", Interval);
            }
        }
    }
}
