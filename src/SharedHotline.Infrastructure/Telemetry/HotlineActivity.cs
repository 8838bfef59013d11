using System.Diagnostics;

namespace SharedHotline.Infrastructure.Telemetry;

/// <summary>
/// The hotline's own spans (source <see cref="SourceName"/>): a routing pass, an outbox batch. Starting one costs
/// nothing while no tracer listens. Hub calls (SignalR), database commands (Npgsql), Redis and the bus (MassTransit)
/// have their own sources, enabled with this one when tracing is configured.
/// </summary>
public static class HotlineActivity
{
    public const string SourceName = "SharedHotline";
    public static readonly ActivitySource Source = new(SourceName);
}
