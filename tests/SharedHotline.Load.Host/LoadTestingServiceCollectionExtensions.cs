using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Load.Host;

/// <summary>What a load test adds to the server; the product registers none of it.</summary>
public static class LoadTestingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLoadTesting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LoadTestOptions.Section).Get<LoadTestOptions>() ?? new LoadTestOptions();
        if (options.Enabled && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("Hotline:LoadTest is for load tests; it is refused in Production.");
        }

        builder.Services.Configure<LoadTestOptions>(builder.Configuration.GetSection(LoadTestOptions.Section));
        builder.Services.AddSingleton<ConnectionCounter>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<ConnectionCounter>());
        builder.Services.AddScoped<LoadTestSeeder>();
        // The relay's sockets skip sign-in and the kommune context, as the citizen hub's do: the baseline it measures.
        builder.Services.AddSingleton(new AnonymousHubSocket(RelayHub.Path));
        return builder;
    }

    /// <summary>Adds the load-test agents, after the demo data and before the live state is built.</summary>
    public static Task SeedAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<LoadTestSeeder>().SeedAsync(ct);

    /// <summary>The relay baseline hub and <c>GET /api/load-test/process</c>, only when load testing is enabled.</summary>
    public static WebApplication MapLoadTesting(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<LoadTestOptions>>().Value.Enabled)
        {
            return app;
        }

        app.MapHub<RelayHub>(RelayHub.Path).AllowAnonymous();
        app.MapGet("/api/load-test/process", (bool? collect, ConnectionCounter connections) => TypedResults.Ok(ProcessFigures.Read(connections, collect ?? false)))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
