using MassTransit;

namespace SharedHotline.Server.Administration;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>Changing a kommune's settings (versioned, audited, published to every node).</summary>
    public static IServiceCollection AddKommuneAdministration(this IServiceCollection services) => services.AddScoped<KommuneEditing>();

    /// <summary>The consumer that makes a changed kommune live on this node.</summary>
    public static IBusRegistrationConfigurator AddAdministrationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<KommuneSettingsChangedConsumer, KommuneSettingsChangedConsumerDefinition>();
        return bus;
    }

    /// <summary>The Administration page's APIs: a kommune's settings and audit, its staff accounts, onboarding.</summary>
    public static IEndpointRouteBuilder MapKommuneAdministration(this IEndpointRouteBuilder app)
    {
        app.MapKommuneSettingsApi();
        Staff.StaffAccountsApi.MapStaffAccountsApi(app);
        app.MapOnboardingApi();
        return app;
    }
}
