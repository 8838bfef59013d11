namespace SharedHotline.Server.Tenancy;

/// <summary>The <c>{kommune}</c> route value, e.g. <c>/api/kommuner/holbaek/status</c>.</summary>
public sealed class RouteStrategy(string routeParameter = "kommune") : IKommuneResolutionStrategy
{
    public int Priority => 0;

    public string Name => "route";

    public ValueTask<string?> GetIdentifierAsync(object context) =>
        ValueTask.FromResult(context is HttpContext http ? http.GetRouteValue(routeParameter) as string : null);
}
