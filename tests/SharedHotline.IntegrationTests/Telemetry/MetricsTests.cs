using Microsoft.Extensions.DependencyInjection;
using System.Net;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;

namespace SharedHotline.IntegrationTests.Telemetry;

/// <summary>The node's own metrics as an exporter reads them: chats, queue and waits per kommune, agents, latencies.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task The_node_reports_chats_queue_longest_wait_agents_messages_and_latencies_per_kommune()
    {
        await using var redis = await RedisServer.StartAsync();
        var nodeId = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var reader = new MetricsReader(nodeId);
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Hotline:Redis:Prefix"] = nodeId,
            ["Hotline:Redis:NodeId"] = nodeId,
            ["Hotline:Telemetry:Enabled"] = "true",
            ["Hotline:Telemetry:SampleSeconds"] = "0.2",
        }, configure: reader.AddTo);

        // Mia (Furesø) answers a Sorø citizen, then steps away; a Holbæk citizen waits 90 seconds meanwhile.
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        await citizen.SendAsync("Hej, jeg har brug for et pas.");
        await citizen.SendAsync("Det haster lidt.");
        await agent.SendAsync(chat.ChatId, "Det hjælper jeg gerne med.");
        await agent.SetPresenceAsync(Presence.Away);
        var waiting = await server.ConnectCitizenAsync();
        (await waiting.StartChatAsync(new StartChatRequest("holbaek", "pas"))).Chat.Should().NotBeNull();
        server.Advance(TimeSpan.FromSeconds(90));

        var services = server.Services;
        await Eventually(() => reader.Value(services, "hotline.queue.longest_wait", ("kommune", "holbaek")) >= 90);
        reader.Value(services, "hotline.chats.active", ("kommune", "soroe")).Should().Be(1);
        reader.Value(services, "hotline.chats.active", ("kommune", "holbaek")).Should().Be(0, "a waiting chat is not held by an agent");
        reader.Value(services, "hotline.queue.length", ("kommune", "holbaek")).Should().Be(1);
        reader.Value(services, "hotline.queue.length", ("kommune", "soroe")).Should().Be(0);
        reader.Value(services, "hotline.agents.present", ("kommune", "fureso"), ("status", "away")).Should().Be(1);
        reader.Value(services, "hotline.agents.present", ("kommune", "fureso"), ("status", "available")).Should().Be(0);
        reader.Value(services, "hotline.messages", ("kommune", "soroe"), ("sender", "citizen")).Should().Be(2);
        reader.Value(services, "hotline.messages", ("kommune", "soroe"), ("sender", "agent")).Should().Be(1);
        reader.Value(services, "hotline.store.duration", ("kind", "message")).Should().BeGreaterThanOrEqualTo(3);
        reader.Value(services, "hotline.store.duration", ("kind", "query")).Should().BeGreaterThan(0);
        reader.Value(services, "hotline.redis.duration", ("operation", "assign")).Should().BeGreaterThanOrEqualTo(1);
        reader.Value(services, "hotline.routing.pass.duration").Should().BeGreaterThan(0);
        await Eventually(() => reader.Value(services, "hotline.outbox.lag") > 0);
        reader.Read(services, "hotline.outbox.pending").Should().ContainSingle();
    }

    [Fact]
    public async Task The_Prometheus_scraping_endpoint_serves_every_name_the_Grafana_dashboard_uses_with_kommune_labels_and_no_message_text()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Hotline:Redis:Prefix"] = "scrape-" + Guid.NewGuid().ToString("N")[..8],
            ["Hotline:Telemetry:Prometheus"] = "true",
            ["Hotline:Telemetry:SampleSeconds"] = "0.2",
        });
        var waiting = await server.ConnectCitizenAsync();
        await waiting.StartChatAsync(new StartChatRequest("holbaek", "pas"));
        await waiting.SendAsync("Mit telefonnummer er 12345678, det haster.");

        var scraped = "";
        await Eventually(() =>
        {
            scraped = server.Http.GetStringAsync("/metrics").GetAwaiter().GetResult();
            return scraped.Contains("hotline_queue_length{", StringComparison.Ordinal) && scraped.Contains("hotline_messages", StringComparison.Ordinal);
        });
        scraped.Should().Contain("kommune=\"holbaek\"").And.Contain("hotline_store_duration_seconds_bucket");
        scraped.Should().NotContain("12345678").And.NotContain("haster");

        // The dashboard in deploy/grafana is built on these names: each of ours it queries is served.
        await Eventually(() => server.Http.GetStringAsync("/metrics").GetAwaiter().GetResult().Contains("hotline_outbox_lag_seconds_bucket", StringComparison.Ordinal));
        scraped = await server.Http.GetStringAsync("/metrics");
        var dashboard = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "grafana", "dashboards", "sharedhotline.json"));
        var used = System.Text.RegularExpressions.Regex.Matches(dashboard, "hotline_[a-z_]+").Select(m => m.Value).Distinct().ToList();
        used.Should().HaveCountGreaterThan(8);
        foreach (var name in used)
        {
            scraped.Should().Contain(name, "the dashboard queries it");
        }
    }

    [Fact]
    public async Task Telemetry_is_off_unless_configured_no_scraping_endpoint_and_no_exporter()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        (await server.Http.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        server.Services.GetService<OpenTelemetry.Metrics.MeterProvider>().Should().BeNull();
        server.Services.GetService<OpenTelemetry.Trace.TracerProvider>().Should().BeNull();
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the sampler reads every 0.2 s");
            await Task.Delay(100);
        }
    }
}
