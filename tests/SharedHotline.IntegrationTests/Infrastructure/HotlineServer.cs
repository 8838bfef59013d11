using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SharedHotline.Client;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Routing;
using SharedHotline.Server.Chats;
using SharedHotline.Server.Hosting;

namespace SharedHotline.IntegrationTests.Infrastructure;

/// <summary>
/// A real server on Kestrel at a free loopback port, with its own SQLite file, the demo data seeded and a
/// fake clock. Tests talk to it only through HTTP and the typed hub clients.
/// </summary>
public sealed class HotlineServer : IAsyncDisposable
{
    public const string DemoPassword = "hotline-demo";
    private readonly WebApplication _app;
    private readonly string _dataFolder;
    private readonly List<IAsyncDisposable> _clients = [];

    private HotlineServer(WebApplication app, FakeTimeProvider time, string dataFolder, Uri baseAddress)
    {
        _app = app;
        Time = time;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>True when the data folder was given by the test (shared by several nodes or restarts): the test owns it.</summary>
    private bool _keepData;

    public FakeTimeProvider Time { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server whose clock reads <paramref name="localNow"/> (a Copenhagen local time with its offset).</summary>
    /// <remarks><paramref name="host"/> adds what a special host adds to the product (the load-test host's relay hub and agents).</remarks>
    public static async Task<HotlineServer> StartAsync(DateTimeOffset localNow, IDictionary<string, string?>? settings = null, FakeTimeProvider? sharedClock = null, Action<IServiceCollection>? configure = null, HostAdditions? host = null)
    {
        var configuredFolder = settings?.TryGetValue("Hotline:DataFolder", out var folder) == true ? folder : null;
        var dataFolder = configuredFolder ?? Path.Combine(Path.GetTempPath(), "sharedhotline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = RepositoryPaths.ServerProject,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:DataFolder"] = dataFolder,
            ["Hotline:SeedDemoData"] = "true",
            ["Hotline:SeedDemoHistory"] = "false",
            ["Hotline:DemoPassword"] = DemoPassword,
            ["Serilog:MinimumLevel:Default"] = "Warning",

            // Stopping a test server drains it; a raw test socket that ignores Reconnect must not hold it up long.
            ["Hotline:Drain:Timeout"] = "00:00:02",
        });
        builder.Configuration.AddInMemoryCollection(TestLimits.Generous);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddHotline();
        host?.Build?.Invoke(builder);
        var time = sharedClock ?? new FakeTimeProvider(localNow.ToUniversalTime());
        builder.Services.AddSingleton<TimeProvider>(time);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseHotline();
        host?.Map?.Invoke(app);
        await app.InitializeHotlineAsync(seedMore: host?.SeedMore);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HotlineServer(app, time, dataFolder, new Uri(address)) { _keepData = configuredFolder is not null };
    }

    public async Task<CitizenHubClient> ConnectCitizenAsync()
    {
        var citizen = new CitizenHubClient(BaseAddress);
        _clients.Add(citizen);
        await citizen.ConnectAsync();
        return citizen;
    }

    public async Task<string> SignInAsync(string userName, string password = DemoPassword) =>
        await StaffSignIn.GetTokenAsync(Http, userName, password);

    public async Task<AgentHubClient> ConnectAgentAsync(string userName)
    {
        var token = await SignInAsync(userName);
        var agent = new AgentHubClient(BaseAddress, () => Task.FromResult<string?>(token));
        _clients.Add(agent);
        await agent.ConnectAsync();
        return agent;
    }

    /// <summary>
    /// An agent signed in and available, a citizen of <paramref name="kommune"/> whose chat the agent has accepted.
    /// Handlers passed in are attached before anything is sent, so they miss nothing.
    /// </summary>
    public async Task<(AgentHubClient Agent, CitizenHubClient Citizen, CitizenChat Chat)> AcceptedChatAsync(
        string agentUserName, string kommune, Action<ChatMessage>? agentInbox = null, Action<ChatMessage>? citizenInbox = null)
    {
        var (agent, citizen, chat) = await OfferedChatAsync(agentUserName, kommune, agentInbox, citizenInbox);
        await agent.AcceptChatAsync(chat.ChatId);
        return (agent, citizen, chat);
    }

    /// <summary>As <see cref="AcceptedChatAsync"/>, up to the offer: the chat has been offered to the agent, not accepted.</summary>
    public async Task<(AgentHubClient Agent, CitizenHubClient Citizen, CitizenChat Chat)> OfferedChatAsync(
        string agentUserName, string kommune, Action<ChatMessage>? agentInbox = null, Action<ChatMessage>? citizenInbox = null)
    {
        var agent = await ConnectAgentAsync(agentUserName);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        agent.MessageReceived += m => agentInbox?.Invoke(m);
        await agent.SetPresenceAsync(Presence.Available);
        var citizen = await ConnectCitizenAsync();
        citizen.MessageReceived += m => citizenInbox?.Invoke(m);
        var chat = (await citizen.StartChatAsync(new StartChatRequest(kommune, "pas"))).Chat!;
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        return (agent, citizen, chat);
    }

    /// <summary>Advances the fake clock, which also lets the periodic dispatcher run.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Moves the clock past the offline grace and runs a maintenance pass (reclaim, routing), as the next tick would.</summary>
    public async Task PassTheOfflineGraceAsync()
    {
        Advance(LiveStateMaintenance.OfflineGrace + LiveStateMaintenance.Interval);
        await Services.GetRequiredService<LiveStateMaintenance>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Waits until the live state has the agent as <paramref name="status"/> (the server handles a closed socket a moment after the client).</summary>
    public async Task WaitForPresenceAsync(Guid agentId, PresenceStatus status)
    {
        var live = Services.GetRequiredService<ILiveState>();
        var deadline = DateTime.UtcNow + Inbox<object>.DefaultTimeout;
        while ((await live.GetAgentAsync(agentId))?.Status != status)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"agent {agentId} should be {status} by now");
            await Task.Delay(20);
        }
    }

    private bool _disposed;

    /// <summary>Stops the server as a deployment would (its connections close); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_keepData)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is removed with the temp folder later.
            }
        }
    }
}

/// <summary>What a host other than the product's own Program adds: services, endpoints, seed data.</summary>
public sealed record HostAdditions(
    Action<WebApplicationBuilder>? Build = null,
    Action<WebApplication>? Map = null,
    Func<IServiceProvider, CancellationToken, Task>? SeedMore = null);
