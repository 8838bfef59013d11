using Microsoft.AspNetCore.SignalR;
using SharedHotline.Domain.Chats;
using SharedHotline.Server.Chats;

namespace SharedHotline.Server.Security;

/// <summary>
/// Applies <see cref="CitizenRateLimits"/> to the citizen hub's <c>StartChat</c> and <c>SendMessage</c>. It runs inside
/// <see cref="HotlineHubFilter"/>, which turns its refusal into the typed hub error <c>rate_limited: ... retry after N s.</c>
/// </summary>
public sealed class HubRateLimitFilter(CitizenRateLimits limits, CitizenSessionTokens tokens) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Hub is CitizenHub)
        {
            var ip = ClientAddress.Of(invocationContext.Context.GetHttpContext());
            switch (invocationContext.HubMethodName)
            {
                case nameof(CitizenHub.StartChat):
                    limits.StartChat(ip, invocationContext.Context.ConnectionId);
                    break;
                case nameof(CitizenHub.SendMessage):
                    limits.Message(ip, SessionChat(invocationContext));
                    break;
            }
        }

        return next(invocationContext);
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
