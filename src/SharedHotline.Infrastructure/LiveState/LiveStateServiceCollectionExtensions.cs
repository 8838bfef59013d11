using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.Telemetry;
using StackExchange.Redis;

namespace SharedHotline.Infrastructure.LiveState;

public static class LiveStateServiceCollectionExtensions
{
    /// <summary>
    /// Redis when <c>ConnectionStrings:Redis</c> is set (several nodes), otherwise in this process (one node).
    /// Options under <c>Hotline:Redis</c>: Prefix, NodeId, NodeTtl. Redis's failures surface as
    /// <see cref="LiveStateUnavailableException"/> (<see cref="LiveStateFailures"/>).
    /// </summary>
    public static IServiceCollection AddLiveState(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<Domain.Invitations.IInvitationReservations, InProcessInvitationReservations>();
            return services.AddSingleton<ILiveState, InProcessLiveState>();
        }

        services.Configure<RedisLiveStateOptions>(configuration.GetSection("Hotline:Redis"));
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConfiguration(redis)));
        services.AddSingleton<RedisLiveState>();
        services.AddSingleton<Domain.Invitations.IInvitationReservations, RedisInvitationReservations>();
        services.AddHotlineMetrics(configuration);
        return services.AddSingleton<ILiveState>(sp => new LiveStateFailures(new TimedLiveState(sp.GetRequiredService<RedisLiveState>(), sp.GetRequiredService<Telemetry.HotlineMetrics>())));
    }

    /// <summary>Never give up on Redis: keep reconnecting in the background while it is away.</summary>
    public static ConfigurationOptions RedisConfiguration(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;

        // Fail at once while disconnected instead of queueing commands to replay later: a caller that got an
        // error must not find its command executed after the reconnect.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectRetry = 5;
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 3000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 3000);
        return options;
    }
}
