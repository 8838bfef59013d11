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
