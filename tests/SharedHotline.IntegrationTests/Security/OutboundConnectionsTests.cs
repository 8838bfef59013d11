using MassTransit;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>The server opens no connection to an outside host of its own accord (docs/security.md, "Outbound connections").</summary>
public sealed class OutboundConnectionsTests(DemoServerFixture fixture) : IClassFixture<DemoServerFixture>
{
    [Fact]
    public void The_message_bus_never_reports_usage_telemetry()
    {
        // The variable would override the setting either way; this test process leaves it alone.
        Environment.GetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY").Should().BeNull();

        fixture.Server.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled.Should().BeFalse();
        var tracker = fixture.Server.Services.GetRequiredService<IUsageTracker>();
        tracker.Should().BeOfType<UsageTracker>().Which.Enabled.Should().BeFalse("the tracker the running bus uses reports nothing");
    }
}
