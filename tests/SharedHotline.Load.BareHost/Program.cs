using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

// A bare ASP.NET Core host: Kestrel, SignalR and one relay hub, no other middleware. The load generator's idle run
// opens the same idle connections here to show what the framework itself keeps per connection.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSignalR();
var app = builder.Build();
app.MapHub<BareRelayHub>("/hubs/relay");
app.MapGet("/api/load-test/process", (bool? collect) =>
{
    if (collect == true)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    using var process = Process.GetCurrentProcess();
    return Results.Json(new
    {
        ManagedHeapBytes = GC.GetTotalMemory(false),
        WorkingSetBytes = process.WorkingSet64,
        Connections = BareRelayHub.Connections,
        ThreadPoolThreads = ThreadPool.ThreadCount,
        CpuSeconds = process.TotalProcessorTime.TotalSeconds,
    });
});
await app.RunAsync();

/// <summary>Forwards a message to one connection, like the server's relay hub, and counts its connections.</summary>
internal sealed class BareRelayHub : Hub
{
    private static int connections;

    public static int Connections => Volatile.Read(ref connections);

    public override Task OnConnectedAsync()
    {
        Interlocked.Increment(ref connections);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        Interlocked.Decrement(ref connections);
        return Task.CompletedTask;
    }

    public string Register() => Context.ConnectionId;

    public Task Send(string targetConnectionId, string clientMessageId, string text) =>
        Clients.Client(targetConnectionId).SendAsync("Receive", clientMessageId, text);
}
