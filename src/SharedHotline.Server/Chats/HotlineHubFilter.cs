using Microsoft.AspNetCore.SignalR;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Around every hub call: sets the kommune context from the caller's claims, adds a logging scope, and turns
/// refusals into typed hub errors ("code: message"), logged through <see cref="RefusalLog"/>. Unexpected failures are logged and answered generically.
/// A call that failed on Redis may have been carried out halfway (a script run whose answer timed out, an event
/// already sent): connected clients are asked to resync (<see cref="ClientResync"/>) and see what did happen.
/// </summary>
public sealed class HotlineHubFilter(KommuneResolver resolver, IKommuneContextAccessor accessor, ClientResync resync, RefusalLog refusals, ILogger<HotlineHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var resolution = await resolver.ResolveAsync(invocationContext.Context);
        accessor.Current = resolution.Context;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Hub"] = invocationContext.Hub.GetType().Name,
            ["HubMethod"] = invocationContext.HubMethodName,
            ["ConnectionId"] = invocationContext.Context.ConnectionId,
        });
        try
        {
            return await next(invocationContext);
        }
        catch (HotlineException ex)
        {
            refusals.Refused(invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, ex.WireCode);
            throw new HubException($"{ex.WireCode}: {ex.Message}");
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            // The client left (a closed tab, a drained node) while its call ran: nobody is there to answer, and it is no error.
            logger.LogInformation("Hub call {HubMethod} stopped: the client left", invocationContext.HubMethodName);
            return null;
        }
        catch (Domain.Routing.LiveStateUnavailableException ex)
        {
            logger.LogWarning(ex, "Hub call {HubMethod} failed: the live state is unreachable", invocationContext.HubMethodName);
            resync.Request();
            throw new HubException($"{HubErrorCodes.Unavailable}: The hotline is reconnecting. Nothing you had sent is lost; please try again in a moment.");
        }
        catch (Exception ex) when (ex is not HubException and not OperationCanceledException)
        {
            logger.LogError(ex, "Hub call {HubMethod} failed", invocationContext.HubMethodName);
            throw new HubException($"{HubErrorCodes.Internal}: Something went wrong on the server. Nothing you had sent before is lost; please try again.");
        }
        finally
        {
            accessor.Current = null;
        }
    }
}
