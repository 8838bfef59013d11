using Serilog;
using Serilog.Formatting.Compact;

namespace SharedHotline.Server.Hosting;

public static class HotlineLogging
{
    /// <summary>
    /// Serilog to the console: readable text by default, compact JSON when <c>Logging:Json</c> is true (for
    /// log shippers). Levels from the <c>Serilog</c> section. Message text of chats is never logged.
    /// </summary>
    public static WebApplicationBuilder AddHotlineLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, config) =>
        {
            config
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Node", builder.Configuration["Hotline:NodeName"] ?? Environment.MachineName);
            if (builder.Configuration.GetValue<bool>("Logging:Json"))
            {
                config.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                config.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }
}
