namespace SharedHotline.Server.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Deletion of chats from every store, and the retention job (<c>Hotline:Retention</c>).</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddScoped<ChatDeletion>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
