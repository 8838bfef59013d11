using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SharedHotline.Infrastructure.Telemetry;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Telemetry;

/// <summary>
/// OpenTelemetry, off unless configured: a kommune's installation opens no outbound connection it has not asked for.
/// <c>Hotline:Telemetry:OtlpEndpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) sends traces and metrics
/// over OTLP; <c>Hotline:Telemetry:Prometheus=true</c> serves <c>/metrics</c> for scraping. Names: docs/operations.md.
/// </summary>
public static class TelemetrySetup
{
    public const string Section = "Hotline:Telemetry";

    /// <summary>The sources of the spans in a trace: hub call, database, Redis, the bus (to the other node), our own.</summary>
    private static readonly string[] TraceSources = [HotlineActivity.SourceName, "Microsoft.AspNetCore.SignalR.Server", "MassTransit"];

    private static readonly string[] Meters = [HotlineMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "Npgsql", "MassTransit"];

    public static string? OtlpEndpoint(IConfiguration configuration) =>
        configuration[$"{Section}:OtlpEndpoint"] is { Length: > 0 } endpoint ? endpoint
        : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } standard ? standard
        : null;

    public static bool PrometheusEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:Prometheus");

    /// <summary>
    /// Any exporter configured, or <c>Hotline:Telemetry:Enabled=true</c>: the gauges are sampled and an OpenTelemetry
    /// meter provider runs without an exporter of ours (for an exporter added by the host, or <c>dotnet-counters</c>).
    /// </summary>
    public static bool Enabled(IConfiguration configuration) =>
        OtlpEndpoint(configuration) is not null || PrometheusEnabled(configuration) || configuration.GetValue<bool>($"{Section}:Enabled");

    public static WebApplicationBuilder AddHotlineTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddHotlineMetrics(configuration);
        if (!Enabled(configuration))
        {
            return builder;
        }

        var otlp = OtlpEndpoint(configuration);
        var prometheus = PrometheusEnabled(configuration);
        var redis = !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));
        builder.Services.Configure<TelemetrySampler.Options>(configuration.GetSection(Section));
        builder.Services.AddHostedService<TelemetrySampler>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("sharedhotline", serviceInstanceId: TelemetryRegistration.NodeId(configuration)))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddRuntimeInstrumentationIfPresent();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        if (otlp is not null || configuration.GetValue<bool>($"{Section}:Enabled"))
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(TraceSources)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/metrics");
                        // A path may carry a calendar feed's secret or what staff typed into the transcript search.
                        o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", RequestLogPaths.Redact(request.Path.Value ?? "/"));
                    })
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }

                if (redis)
                {
                    tracing.AddRedisInstrumentation();
                }
            });
        }

        return builder;
    }

    /// <summary>The scraping endpoint, when Prometheus is configured (restrict it to the monitoring network: NetworkPolicy).</summary>
    public static WebApplication MapHotlineTelemetry(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }

        return app;
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfPresent(this MeterProviderBuilder metrics) =>
        // .NET's own runtime meter (GC, thread pool, exceptions) needs no package on .NET 9 and later.
        metrics.AddMeter("System.Runtime");
}
