using Microsoft.AspNetCore.Authorization;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Staff;

/// <summary>The user is an admin and their home kommune (claim <c>kommunekode</c>) is the kommune named in the route.</summary>
public sealed class KommuneAdminRequirement : IAuthorizationRequirement;

public sealed class KommuneAdminHandler(IKommuneStore store) : AuthorizationHandler<KommuneAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, KommuneAdminRequirement requirement)
    {
        if (!context.User.IsInRole(StaffRoles.Admin) || context.Resource is not HttpContext http || http.GetRouteValue("kommune") is not string slug)
        {
            return;
        }

        var kommune = await store.TryGetBySlugAsync(slug, http.RequestAborted);
        if (kommune is not null && kommune.Kode == context.User.HomeKommune())
        {
            context.Succeed(requirement);
        }
    }
}
