using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SharedHotline.Domain.Chats;

namespace SharedHotline.Server.Security;

/// <summary>
/// ASP.NET Core's rate limiter for HTTP: a global limit per IP address, and named policies for call-back requests and
/// staff sign-in. A refusal is a 429 ProblemDetails with <c>code: rate_limited</c> and a <c>Retry-After</c> header.
/// </summary>
public static class HttpRateLimits
{
    public const string Callbacks = "callbacks";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddHttpRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = WriteRejection;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : PerIp(http, l => l.RequestsPerIp));
            o.AddPolicy(Callbacks, http => PerIp(http, l => l.CallbacksPerIp));
            o.AddPolicy(SignIn, http => PerIp(http, l => l.SignInsPerIp));
        });

    private static RateLimitPartition<string> PerIp(HttpContext http, Func<HotlineLimits, RateLimit> pick)
    {
        var limit = pick(http.RequestServices.GetRequiredService<IOptions<HotlineLimits>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => CitizenRateLimits.Options(limit));
    }

    private static async ValueTask WriteRejection(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails =
            {
                Title = "Too many requests",
                Detail = string.Create(CultureInfo.InvariantCulture, $"Too many requests from your network; retry after {seconds} s."),
                Status = StatusCodes.Status429TooManyRequests,
                Extensions = { ["code"] = HotlineException.ToWire(HotlineErrorCode.RateLimited), ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
