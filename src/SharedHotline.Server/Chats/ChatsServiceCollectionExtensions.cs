using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.LiveState;
using StackExchange.Redis;

namespace SharedHotline.Server.Chats;

public static class ChatsServiceCollectionExtensions
{
    /// <summary>
    /// The hubs and the chat services. With <c>ConnectionStrings:Redis</c> set, hub messages cross nodes over
    /// the SignalR Redis backplane, on channels prefixed with <c>Hotline:Redis:Prefix</c>.
    /// </summary>
    public static IServiceCollection AddChats(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR(o =>
            {
                o.AddFilter<HotlineHubFilter>();
            })
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
                o.PayloadSerializerOptions.Converters.Add(new HubStringConverter());
                o.PayloadSerializerOptions.Converters.Add(new MillisecondTimestamps());
            });
        var redis = configuration.GetConnectionString("Redis");
        var resync = new ClientResync();
        services.AddSingleton(resync);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            LiveStateMaintenance.ValidateNodeTtl(configuration.GetValue("Hotline:Redis:NodeTtl", new RedisLiveStateOptions().NodeTtl));
            var prefix = configuration["Hotline:Redis:Prefix"] ?? "sharedhotline";
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration = LiveStateServiceCollectionExtensions.RedisConfiguration(redis);
                o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix + ":signalr");

                // The backplane has its own connection: when it comes back, events published meanwhile are lost.
                o.ConnectionFactory = async log =>
                {
                    var connection = await ConnectionMultiplexer.ConnectAsync(o.Configuration, log);
                    resync.Watch(connection);
                    return connection;
                };
            });
        }

        services.AddSingleton<HotlineHubFilter>();
        services.AddSingleton<Hosting.RefusalLog>();
        services.AddSingleton<CitizenConnections>();
        services.AddScoped<QueueHousekeeping>();
        services.AddSingleton(new LocalGroupMembers(overBackplane: !string.IsNullOrWhiteSpace(redis)));
        services.AddSingleton<ChatNotifier>();
        services.AddSingleton<StoredMessages>();
        services.AddSingleton<ChatDispatcher>();
        services.AddSingleton<HandleTimes>();
        services.AddSingleton<QueueBroadcast>();
        services.AddSingleton<AgentConnections>();
        services.AddSingleton<CitizenSessionTokens>();
        services.AddSingleton<AgentNames>();
        services.AddScoped<ChatMessageLog>();
        services.AddScoped<ChatLifecycle>();
        services.AddScoped<CitizenChats>();
        services.AddScoped<AgentChats>();
        services.AddScoped<ChatTransfers>();
        services.AddScoped<ChatHandovers>();
        services.AddScoped<AgentPresences>();
        services.AddScoped<ChatNotes>();
        services.AddScoped<LiveStateRecovery>();
        services.AddSingleton<Events.DomainEventPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<Events.DomainEventPublisher>());
        services.AddSingleton<LiveStateMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveStateMaintenance>());
        return services;
    }

    public static IEndpointRouteBuilder MapChatHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<CitizenHub>(HubPaths.Citizen);
        app.MapHub<AgentHub>(HubPaths.Agent);
        return app;
    }
}
