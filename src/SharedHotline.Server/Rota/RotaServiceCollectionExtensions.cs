using MassTransit;

namespace SharedHotline.Server.Rota;

public static class RotaServiceCollectionExtensions
{
    /// <summary>Rota editing, reading and the agents' calendar feed tokens.</summary>
    public static IServiceCollection AddRotaEditing(this IServiceCollection services)
    {
        services.AddScoped<RotaEditing>();
        services.AddScoped<RotaReading>();
        services.AddSingleton<ShiftFeedTokens>();
        return services;
    }

    /// <summary>The rota's consumers on the hotline bus.</summary>
    public static IBusRegistrationConfigurator AddRotaConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RotaPublishedConsumer, RotaPublishedConsumerDefinition>();
        return bus;
    }
}
