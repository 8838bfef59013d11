namespace SharedHotline.Server.Tenancy;

/// <summary>Shaped like Finbuckle's <c>AddMultiTenant&lt;T&gt;().WithRouteStrategy()...</c>.</summary>
public sealed class KommuneTenancyBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    public KommuneTenancyBuilder WithRouteStrategy(string parameter = "kommune")
    {
        Services.AddSingleton<IKommuneResolutionStrategy>(new RouteStrategy(parameter));
        return this;
    }

    public KommuneTenancyBuilder WithHeaderStrategy(string header = "X-Kommune")
    {
        Services.AddSingleton<IKommuneResolutionStrategy>(new HeaderStrategy(header));
        return this;
    }

    public KommuneTenancyBuilder WithClaimStrategy()
    {
        Services.AddSingleton<IKommuneResolutionStrategy, ClaimStrategy>();
        return this;
    }
}

public static class KommuneTenancyServiceCollectionExtensions
{
    public static KommuneTenancyBuilder AddKommuneTenancy(this IServiceCollection services)
    {
        services.AddSingleton<IKommuneContextAccessor, KommuneContextAccessor>();
        services.AddSingleton<IKommuneStore, DatabaseKommuneStore>();
        services.AddSingleton<KommuneResolver>();
        return new KommuneTenancyBuilder(services);
    }

    public static IApplicationBuilder UseKommuneTenancy(this IApplicationBuilder app) =>
        app.UseMiddleware<KommuneResolutionMiddleware>();
}
