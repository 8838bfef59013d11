using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;

namespace SharedHotline.IntegrationTests.Infrastructure;

/// <summary>
/// A hub connection with nothing of the typed client in between: it sees every event as sent, repeats included
/// (the typed clients drop a sequence number they have seen), and its payloads as the JSON on the wire.
/// </summary>
public sealed class RawHub : IAsyncDisposable
{
    private RawHub(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>Every MessageReceived payload as it arrived.</summary>
    public Inbox<JsonElement> Messages { get; } = new();

    /// <summary>A citizen connection with no chat yet.</summary>
    public static Task<RawHub> NewCitizenAsync(HotlineServer server) => ConnectAsync(server, HubPaths.Citizen, null);

    public static async Task<RawHub> CitizenAsync(HotlineServer server, string sessionToken)
    {
        var hub = await ConnectAsync(server, HubPaths.Citizen, null);
        await hub.Connection.InvokeAsync<JsonElement>("ResumeChat", sessionToken, 0L);
        return hub;
    }

    public static async Task<RawHub> AgentAsync(HotlineServer server, string userName) =>
        await ConnectAsync(server, HubPaths.Agent, await server.SignInAsync(userName));

    private static async Task<RawHub> ConnectAsync(HotlineServer server, string path, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var hub = new RawHub(connection);
        connection.On<JsonElement>(nameof(IAgentHubClient.MessageReceived), hub.Messages.Add);
        await connection.StartAsync();
        return hub;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
