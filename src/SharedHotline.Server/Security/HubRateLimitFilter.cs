using Microsoft.AspNetCore.SignalR;
using SharedHotline.Domain.Chats;
using SharedHotline.Server.Chats;

namespace SharedHotline.Server.Security;

/// <summary>
/// Applies <see cref="CitizenRateLimits"/> to the citizen hub. It runs inside <see cref="HotlineHubFilter"/>, which
/// turns its refusal into the typed hub error <c>rate_limited: ... retry after N s.</c> A call counts against its
/// method's limits only when it was carried out; a refused one counts against the caller's refusal allowance.
/// </summary>
public sealed class HubRateLimitFilter(CitizenRateLimits limits, CitizenSessionTokens tokens) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Hub is not CitizenHub)
        {
            return await next(invocationContext);
        }

        var ip = ClientAddress.Of(invocationContext.Context.GetHttpContext());
        var connectionId = invocationContext.Context.ConnectionId;
        var method = invocationContext.HubMethodName;
        var allowances = limits.For(method, ip, connectionId, method == nameof(CitizenHub.SendMessage) ? SessionChat(invocationContext) : null);
        limits.EnsureRoom(allowances, ip, connectionId);
        try
        {
            var result = await next(invocationContext);
            CitizenRateLimits.Accepted(allowances);
            return result;
        }
        catch (HotlineException ex) when (ex.Code != HotlineErrorCode.RateLimited)
        {
            limits.Refused(ip, connectionId);
            throw;
        }
    }

    /// <summary>The chat of a valid session token, or null (the hub method itself then refuses the call).</summary>
    private Guid? SessionChat(HubInvocationContext call)
    {
        try
        {
            return call.HubMethodArguments.Count > 0 && call.HubMethodArguments[0] is string token ? tokens.Validate(token) : null;
        }
        catch (HotlineException)
        {
            return null;
        }
    }
}
