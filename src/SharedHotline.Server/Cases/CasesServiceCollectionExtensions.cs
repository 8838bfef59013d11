using MassTransit;

namespace SharedHotline.Server.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<MeetingBooking>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseFollowing>();
        return services;
    }

    /// <summary>The cases' consumers on the hotline bus: one endpoint the nodes share, as the signal crosses nodes over the backplane.</summary>
    public static IBusRegistrationConfigurator AddCaseConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CaseFanOut>();
        return bus;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapCitizenCasesApi();
        app.MapStaffTasksApi();
        app.MapMeetingSettingsApi();
        return app;
    }
}
