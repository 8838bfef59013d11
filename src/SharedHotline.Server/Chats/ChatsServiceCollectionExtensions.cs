using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Server.Chats;

public static class ChatsServiceCollectionExtensions
{
    public static IServiceCollection AddChats(this IServiceCollection services)
    {
        services.AddSignalR(o =>
            {
                o.AddFilter<HotlineHubFilter>();
                o.MaximumReceiveMessageSize = 64 * 1024;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<HotlineHubFilter>();
        services.AddSingleton<ChatNotifier>();
        services.AddSingleton<ChatDispatcher>();
        services.AddSingleton<HandleTimes>();
        services.AddSingleton<AgentConnections>();
        services.AddSingleton<CitizenSessionTokens>();
        services.AddScoped<ChatMessageLog>();
        services.AddScoped<ChatLifecycle>();
        services.AddScoped<CitizenChats>();
        services.AddScoped<AgentChats>();
        services.AddScoped<LiveStateRecovery>();
        services.AddHostedService<DispatchTicker>();
        return services;
    }

    public static IEndpointRouteBuilder MapChatHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<CitizenHub>(HubPaths.Citizen);
        app.MapHub<AgentHub>(HubPaths.Agent);
        return app;
    }
}
