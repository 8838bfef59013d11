namespace SharedHotline.Server.Invitations;

public static class InvitationsServiceCollectionExtensions
{
    /// <summary>Proactive chat: deciding invitations from the live state, and counting the expired ones.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddScoped<InvitationService>();
        services.AddSingleton<InvitationExpiry>();
        services.AddHostedService(sp => sp.GetRequiredService<InvitationExpiry>());
        return services;
    }
}
