using Microsoft.AspNetCore.SignalR;

namespace SharedHotline.Load.Host;

/// <summary>
/// The bare-framework baseline for load tests: forwards a message to one connection. No routing, no
/// persistence, no tenancy. Mapped only when <c>Hotline:LoadTest:Enabled</c> is true.
/// </summary>
public sealed class RelayHub : Hub
{
    public const string Path = "/hubs/relay";

    public string Register() => Context.ConnectionId;

    public Task Send(string targetConnectionId, string clientMessageId, string text) =>
        Clients.Client(targetConnectionId).SendAsync("Receive", clientMessageId, text);
}
