using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SharedHotline.Infrastructure.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The message bus (MassTransit 8.5, the last freely licensed line): in this process by default, RabbitMQ
    /// when <c>ConnectionStrings:RabbitMq</c> is set (an amqp:// URI), so domain events reach every node.
    /// Consumers are added by the features that own them through <paramref name="consumers"/>. Every
    /// endpoint retries briefly and uses the in-memory outbox, so a consumer's own publishes go out only
    /// when it succeeds. The bus's health check joins <c>/health/ready</c>. Domain events reach the bus through the outbox (<see cref="OutboxPublisher"/>). MassTransit's usage telemetry is off.
    /// </summary>
    public static IServiceCollection AddHotlineMessaging(this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(new MessagingNode(Guid.NewGuid().ToString("N")[..12]));
        var rabbit = configuration.GetConnectionString("RabbitMq");
        services.AddMassTransit(bus =>
        {
            // MassTransit 8.4+ reports anonymous usage to an outside host a few minutes after the bus starts; a
            // kommune's IT department approves every outbound connection, and this one is not needed.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            consumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Intervals(100, 500, 2000));
                endpoint.UseInMemoryOutbox(context);
            });
            if (string.IsNullOrWhiteSpace(rabbit))
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbit));
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        services.AddSingleton<OutboxPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPublisher>());
        return services;
    }
}

/// <summary>
/// A name unique to this running host, for endpoints every node must receive on (cache invalidation): with
/// a broker each node then gets its own temporary queue instead of competing for one.
/// </summary>
public sealed record MessagingNode(string InstanceId);
