using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Serilog.Context;
using SharedHotline.Domain.Chats;
using SharedHotline.Server.Chats;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// Every log line carries a <c>CorrelationId</c>: per HTTP request (the caller's <c>X-Correlation-Id</c> when it is a
/// plain token, else the trace id, echoed in the response) and per hub call; and a hub call about a chat carries its
/// <c>ChatId</c> (from the method's <c>chatId</c> argument, or the chat a citizen's session token names), so one chat's
/// lines can be found across nodes. Neither carries what anyone wrote.
/// </summary>
public static partial class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    public const string Property = "CorrelationId";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Plain();

    public static IServiceCollection AddCorrelationIds(this IServiceCollection services)
    {
        services.AddSingleton<CorrelationHubFilter>();
        // Registered before the chat hubs' own filter, so the refusal log lines inside it carry the ids too.
        services.Configure<HubOptions>(o => o.AddFilter<CorrelationHubFilter>());
        return services;
    }

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var given = http.Request.Headers[Header].ToString();
            var id = Plain().IsMatch(given) ? given : Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
            http.Response.Headers[Header] = id;
            using (LogContext.PushProperty(Property, id))
            {
                await next(http);
            }
        });

    public static string NewId() => Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N")[..16];
}

/// <summary>Pushes the hub call's <c>CorrelationId</c> and, when the call concerns a chat, its <c>ChatId</c>.</summary>
public sealed class CorrelationHubFilter(CitizenSessionTokens tokens) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var correlation = LogContext.PushProperty(CorrelationIds.Property, CorrelationIds.NewId());
        using var chat = ChatOf(invocationContext) is { } chatId ? LogContext.PushProperty("ChatId", chatId) : null;
        return await next(invocationContext);
    }

    private Guid? ChatOf(HubInvocationContext invocation)
    {
        var parameters = invocation.HubMethod.GetParameters();
        for (var i = 0; i < parameters.Length && i < invocation.HubMethodArguments.Count; i++)
        {
            var argument = invocation.HubMethodArguments[i];
            if (parameters[i].Name == "chatId" && argument is Guid chatId)
            {
                return chatId;
            }

            if (parameters[i].Name == "sessionToken" && argument is string token)
            {
                try
                {
                    return tokens.Validate(token);
                }
                catch (HotlineException)
                {
                    // A bad token is the chat hub's to refuse; it names no chat.
                    return null;
                }
            }
        }

        return null;
    }
}
