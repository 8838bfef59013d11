using MassTransit;
using SharedHotline.Infrastructure.Statistics;

namespace SharedHotline.Server.Statistics;

public static class StatisticsServiceCollectionExtensions
{
    /// <summary>The statistics' reads, reports and staffing check.</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<StatisticsReads>();
        services.AddScoped<StatisticsReports>();
        services.AddScoped<StaffingReports>();
        return services;
    }

    /// <summary>The projection into the hourly buckets: one endpoint the nodes share, each event counted once.</summary>
    public static IBusRegistrationConfigurator AddStatisticsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<StatisticsProjection>();
        return bus;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app) => app.MapStatisticsApi();
}
