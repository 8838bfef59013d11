using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Tenancy;

/// <summary>Sets the kommune context for the request; an unknown <c>{kommune}</c> in the route is a 404 naming the slug.</summary>
public sealed class KommuneResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, KommuneResolver resolver, IKommuneContextAccessor accessor)
    {
        var resolution = await resolver.ResolveAsync(http, http.RequestAborted);
        if (resolution.Context is null && http.GetRouteValue("kommune") is string slug)
        {
            await Problems.KommuneNotFound(slug).ExecuteAsync(http);
            return;
        }

        accessor.Current = resolution.Context;
        try
        {
            using (http.RequestServices.GetRequiredService<ILogger<KommuneResolutionMiddleware>>()
                       .BeginScope(new Dictionary<string, object?> { ["Kommune"] = resolution.Context?.Kommune.Slug }))
            {
                await next(http);
            }
        }
        finally
        {
            accessor.Current = null;
        }
    }
}
