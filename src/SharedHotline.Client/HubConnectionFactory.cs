using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace SharedHotline.Client;

internal static class HubConnectionFactory
{
    public static HubConnection Create(Uri hubUrl, Action<HttpConnectionOptions>? configure) =>
        new HubConnectionBuilder()
            .WithUrl(hubUrl, o => configure?.Invoke(o))
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)])
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    private static readonly TimeSpan[] MoveDelays = [TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>
    /// The server asked this connection to move (<c>Reconnect</c>: its node drains): close it, open a new one through the
    /// same address (the load balancer picks a node that is ready), trying until it succeeds or <paramref name="ct"/> ends,
    /// then <paramref name="resume"/>. Runs off the event's own callback, which must not wait for the connection to stop.
    /// </summary>
    public static async Task MoveAsync(HubConnection connection, Func<Task> resume, CancellationToken ct)
    {
        await connection.StopAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await connection.StartAsync(ct);
                break;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // Refused by the draining node (503), or no node answered yet: the next try may reach another.
                await Task.Delay(MoveDelays[Math.Min(attempt, MoveDelays.Length - 1)], ct);
            }
        }

        await resume();
    }

    public static async Task<T> Invoke<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HubException ex)
        {
            throw HotlineHubException.From(ex);
        }
    }

    public static async Task Invoke(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (HubException ex)
        {
            throw HotlineHubException.From(ex);
        }
    }
}
