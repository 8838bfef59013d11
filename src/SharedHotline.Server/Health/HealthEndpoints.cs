using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    public const string ReadyPath = "/health/ready";

    public static IServiceCollection AddHotlineHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }

        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: its dependencies answer too.</summary>
    public static IEndpointRouteBuilder MapHotlineHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new() { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}

public sealed class DatabaseHealthCheck(HotlineDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}

/// <summary>Ready only while Redis answers a PING; the multiplexer reconnects by itself when it returns.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await Infrastructure.LiveState.LiveStateFailures.Run(() => redis.GetDatabase().PingAsync());
            return HealthCheckResult.Healthy();
        }
        catch (Domain.Routing.LiveStateUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", ex);
        }
    }
}
