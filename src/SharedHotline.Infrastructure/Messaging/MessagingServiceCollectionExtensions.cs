using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SharedHotline.Infrastructure.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The message bus (MassTransit 8.5, the last freely licensed line). In-process transport for now; the
    /// one place to switch to RabbitMQ when <c>ConnectionStrings:RabbitMq</c> is set. Consumers are added by
    /// the features that own them through <paramref name="consumers"/>.
    /// </summary>
    public static IServiceCollection AddHotlineMessaging(this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            consumers?.Invoke(bus);
            bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });
        return services;
    }

    /// <summary>
    /// A name unique to this process, for endpoints every node must receive on (cache invalidation): with a
    /// broker each node then gets its own temporary queue instead of competing for one.
    /// </summary>
    public static string NodeInstanceId { get; } = Guid.NewGuid().ToString("N")[..12];
}
