using System.Globalization;
using Serilog;
using Serilog.Configuration;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using SharedHotline.Server.Privacy;

namespace SharedHotline.Server.Hosting;

public static class HotlineLogging
{
    public const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>
    /// Serilog to the console: readable text by default, compact JSON when <c>Logging:Json</c> is true (for
    /// log shippers). Levels from the <c>Serilog</c> section. Message text of chats is never logged, and every
    /// sink sits behind <see cref="CprMaskingSink"/>, so a CPR number that reaches a log line anyway is masked.
    /// </summary>
    public static WebApplicationBuilder AddHotlineLogging(this WebApplicationBuilder builder)
    {
        // Each host keeps its own logger (not the static Log.Logger), so that several servers in one process (tests)
        // each write through their own sinks.
        builder.Services.AddSerilog((services, config) => Configure(config, builder.Configuration, services.GetServices<HotlineLogSink>().Select(s => s.Sink)), preserveStaticLogger: true);
        CachingLoggerFactory.Decorate(builder.Services);
        return builder;
    }

    public static LoggerConfiguration Configure(LoggerConfiguration config, IConfiguration configuration, IEnumerable<Serilog.Core.ILogEventSink> extraSinks)
    {
        var formatter = Formatter(configuration);
        var extras = extraSinks.ToList();
        config
            .ReadFrom.Configuration(configuration)
            .Filter.ByExcluding(IsRefusalRepeatedBySignalR)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Node", configuration["Hotline:NodeName"] ?? Environment.MachineName);
        return config.WriteTo.Sink(LoggerSinkConfiguration.Wrap(sink => new CprMaskingSink(sink), writeTo =>
        {
            writeTo.Console(formatter);
            foreach (var extra in extras)
            {
                writeTo.Sink(extra);
            }
        }));
    }

    /// <summary>
    /// SignalR logs every <see cref="Microsoft.AspNetCore.SignalR.HubException"/> a hub method throws as an error with
    /// its stack and message. Ours come only from <see cref="Chats.HotlineHubFilter"/>, which has already logged the
    /// call once at the right level (a refusal is not a server error) and without what the caller sent.
    /// </summary>
    public static bool IsRefusalRepeatedBySignalR(Serilog.Events.LogEvent logEvent) =>
        logEvent.Exception is Microsoft.AspNetCore.SignalR.HubException
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is Serilog.Events.ScalarValue { Value: "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher" };

    /// <summary>The console's formatter: the text template, or rendered compact JSON with <c>Logging:Json</c>.</summary>
    public static ITextFormatter Formatter(IConfiguration configuration) =>
        configuration.GetValue<bool>("Logging:Json")
            ? new RenderedCompactJsonFormatter()
            : new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture);
}
