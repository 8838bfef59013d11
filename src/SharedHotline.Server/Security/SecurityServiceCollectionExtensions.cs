using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Abuse limits (<see cref="HotlineLimits"/>), request size limits, CORS per kommune origins, the forwarded-headers
    /// trust (<c>Hotline:ForwardedHeaders:KnownNetworks</c>) and the demo-password guard.
    /// Call after <c>AddChats</c>, so that the hub rate limits run inside the typed-error filter.
    /// </summary>
    public static WebApplicationBuilder AddHotlineSecurity(this WebApplicationBuilder builder)
    {
        DemoPasswordGuard.Check(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.AddKeyRingProtection(builder.Configuration, builder.Environment);
        services.AddSingleton(OriginHashKey.Resolve(builder.Configuration, builder.Environment));
        var section = builder.Configuration.GetSection(HotlineLimits.Section);
        services.Configure<HotlineLimits>(section);
        var limits = section.Get<HotlineLimits>() ?? new HotlineLimits();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        });
        services.Configure<HubOptions>(o =>
        {
            o.MaximumReceiveMessageSize = limits.MaxHubMessageBytes;
            o.AddFilter<Staff.StaffSessionHubFilter>();
            o.AddFilter<HubRateLimitFilter>();
        });
        // Citizens' text is data, never markup: JSON answers escape <, >, &, ' and + (Danish letters stay readable).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<CitizenRateLimits>();
        services.AddSingleton<HubRateLimitFilter>();
        services.AddSingleton<Staff.StaffSessionHubFilter>();
        services.AddScoped<QueuedChatCap>();
        services.AddHttpRateLimits();
        services.AddCors();
        services.Replace(ServiceDescriptor.Scoped<ICorsPolicyProvider, KommuneCorsPolicyProvider>());
        services.Configure<ForwardedHeadersOptions>(o => ForwardedHeadersTrust.Configure(o, builder.Configuration));
        return builder;
    }

    /// <summary>Headers first (so every answer has them), then forwarded headers (only from configured proxies), HSTS outside Development.</summary>
    public static WebApplication UseHotlineSecurityHeaders(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (ForwardedHeadersTrust.AnyConfigured(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        app.UseStaffHubOrigins(app.Configuration);

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    /// <summary>After routing: CORS (not for citizen-hub WebSockets, which browsers do not subject to it), then the rate limiter.</summary>
    public static WebApplication UseHotlineSecurity(this WebApplication app)
    {
        app.UseUnlessAnonymousHubSocket(http => http.UseCors());
        app.UseRateLimiter();
        return app;
    }
}
