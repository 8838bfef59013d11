using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Domain.Routing;

namespace SharedHotline.Infrastructure.LiveState;

public static class LiveStateServiceCollectionExtensions
{
    public static IServiceCollection AddInProcessLiveState(this IServiceCollection services) =>
        services.AddSingleton<ILiveState, InProcessLiveState>();
}
