using Microsoft.AspNetCore.SignalR;
using SharedHotline.Domain.Chats;
using SharedHotline.Server.Chats;

namespace SharedHotline.Server.Staff;

/// <summary>
/// An agent's socket outlives the request that signed it in: each agent-hub call checks that her session is still
/// current (<see cref="StaffSessions"/>), so a logout or a disable ends an open console too.
/// </summary>
public sealed class StaffSessionHubFilter(StaffSessions sessions) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Hub is AgentHub && invocationContext.Context.User is { } user
            && !await sessions.IsCurrentAsync(user, invocationContext.Context.ConnectionAborted))
        {
            invocationContext.Context.Abort();
            throw new HotlineException(HotlineErrorCode.NotAuthorized, "Your session has ended (signed out, or the account was disabled). Sign in again.");
        }

        return await next(invocationContext);
    }
}
