using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SharedHotline.Server.Hosting;

namespace SharedHotline.BrowserTests.Infrastructure;

/// <summary>
/// The real server on Kestrel at a free loopback port, serving the built pages from src/SharedHotline.Server,
/// with its own SQLite file, the demo data and a fake clock (the pages take the server's "now" from it).
/// </summary>
public sealed class HotlineSite : IAsyncDisposable
{
    public const string DemoPassword = "hotline-demo";
    private readonly string _dataFolder;
    private WebApplication _app;
    private bool _stopped;

    private HotlineSite(WebApplication app, FakeTimeProvider time, string dataFolder, Uri baseAddress)
    {
        _app = app;
        Time = time;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public FakeTimeProvider Time { get; }
    public Uri BaseAddress { get; }

    /// <summary>The address of a page on this server, e.g. <c>Url("/soroe/chat")</c>.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Adds a website origin to a kommune, as its admin would: the widget may then be framed there.</summary>
    public async Task AllowWebsiteOriginAsync(string slug, string origin)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharedHotline.Infrastructure.Persistence.HotlineDbContext>();
        var kommune = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Kommuner, k => k.Slug == slug);
        kommune.Settings = kommune.Settings with { WebsiteOrigins = [.. kommune.Settings.WebsiteOrigins, origin] };
        await db.SaveChangesAsync();
        _app.Services.GetRequiredService<SharedHotline.Server.Rota.RotaProvider>().Invalidate();
    }

    /// <summary>Starts a server whose clock reads <paramref name="localNow"/> (Copenhagen local time with its offset).</summary>
    /// <remarks><paramref name="settings"/> override the test defaults, e.g. <c>Hotline:SeedDemoHistory</c> for a page that shows history.</remarks>
    public static async Task<HotlineSite> StartAsync(DateTimeOffset localNow, IDictionary<string, string?>? settings = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "sharedhotline-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var time = new FakeTimeProvider(localNow.ToUniversalTime());
        var app = await StartAppAsync(time, dataFolder, port: 0, settings);
        var site = new HotlineSite(app, time, dataFolder, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())) { _settings = settings };
        return site;
    }

    private IDictionary<string, string?>? _settings;

    /// <summary>False for a second node: the first node owns the shared database folder.</summary>
    private bool _ownsData = true;

    /// <summary>
    /// A second node of the same hotline: the same database and clock, its own address and <paramref name="settings"/>
    /// (both nodes need the same Redis for live state). Disposed before this node.
    /// </summary>
    public async Task<HotlineSite> StartAnotherNodeAsync(IDictionary<string, string?> settings)
    {
        var app = await StartAppAsync(Time, _dataFolder, port: 0, settings);
        return new HotlineSite(app, Time, _dataFolder, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())) { _settings = settings, _ownsData = false };
    }

    /// <summary>Stops the server (as a crash or deployment would), keeping its database for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Starts the server again on the same address, database and clock.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _app = await StartAppAsync(Time, _dataFolder, BaseAddress.Port, _settings);
        _stopped = false;
    }

    private static async Task<WebApplication> StartAppAsync(FakeTimeProvider time, string dataFolder, int port, IDictionary<string, string?>? settings)
    {
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
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddHotline();
        builder.Services.AddSingleton<TimeProvider>(time);
        // Open browser connections would hold a graceful stop for the default 30 seconds.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

        var app = builder.Build();
        app.UseHotline();
        await app.InitializeHotlineAsync();
        await app.StartAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (!_ownsData)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open goes with the temp folder later.
        }
    }
}
