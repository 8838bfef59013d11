namespace SharedHotline.Server.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<MeetingBooking>();
        services.AddScoped<CaseEvents>();
        services.AddScoped<CaseWork>();
        return services;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapCitizenCasesApi();
        app.MapStaffTasksApi();
        app.MapMeetingSettingsApi();
        return app;
    }
}
