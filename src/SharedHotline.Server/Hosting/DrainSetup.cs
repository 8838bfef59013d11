using Microsoft.AspNetCore.SignalR;

namespace SharedHotline.Server.Hosting;

public static class DrainSetup
{
    /// <summary>The drain on SIGTERM and on a programmatic stop; readiness and new hub connections follow it.</summary>
    public static IServiceCollection AddNodeDrain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DrainOptions>(configuration.GetSection(DrainOptions.Section));
        services.AddSingleton<NodeDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeDrain>());
        services.AddSingleton<DrainConnections>();
        services.Configure<HubOptions>(o => o.AddFilter<DrainConnections>());
        services.AddSingleton<IHostLifetime, DrainingLifetime>();
        return services;
    }

    /// <summary>
    /// While draining: <c>/health/ready</c> answers 503 without asking the dependencies (nothing is wrong with them), hub
    /// connections are refused with 503 before they start, and other responses close their TCP connection.
    /// </summary>
    public static IApplicationBuilder UseNodeDrain(this IApplicationBuilder app)
    {
        var drain = app.ApplicationServices.GetRequiredService<NodeDrain>();
        return app.Use(async (http, next) =>
        {
            if (drain.Draining)
            {
                if (http.Request.Path.Equals(Health.HealthEndpoints.ReadyPath, StringComparison.OrdinalIgnoreCase))
                {
                    http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await http.Response.WriteAsync("Draining");
                    return;
                }

                if (http.Request.Path.StartsWithSegments("/hubs"))
                {
                    http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    http.Response.Headers.RetryAfter = "1";
                    return;
                }

                http.Response.Headers.Connection = "close";
            }

            await next(http);
        });
    }
}
