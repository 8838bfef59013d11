using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Tenancy;

/// <summary>The signed-in staff member's home kommune claim.</summary>
public sealed class ClaimStrategy : IKommuneResolutionStrategy
{
    public int Priority => 20;

    public string Name => "claim";

    public ValueTask<string?> GetIdentifierAsync(object context)
    {
        var user = context switch
        {
            HttpContext http => http.User,
            HubCallerContext hub => hub.User,
            ClaimsPrincipal principal => principal,
            _ => null,
        };
        return ValueTask.FromResult(user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(StaffClaims.Kommune) : null);
    }
}
