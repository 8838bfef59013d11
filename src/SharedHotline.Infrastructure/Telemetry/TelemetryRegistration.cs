using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SharedHotline.Infrastructure.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>The node's instruments; what exports them (nothing, by default) is the server's choice.</summary>
    public static IServiceCollection AddHotlineMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.TryAddSingleton(sp => new HotlineMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), NodeId(configuration)));
        services.TryAddSingleton<StoreTimingInterceptor>();
        return services;
    }

    /// <summary>The same name the live state gives this node (<c>Hotline:Redis:NodeId</c>), else machine and process.</summary>
    public static string NodeId(IConfiguration configuration) =>
        configuration["Hotline:Redis:NodeId"] is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Environment.ProcessId}";
}
