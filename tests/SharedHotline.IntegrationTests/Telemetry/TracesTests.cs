using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Telemetry;

/// <summary>The spans a node exports: hub call, routing, the outbox's publish and its consumer on the bus, without what anyone wrote.</summary>
public sealed class TracesTests
{
    [Fact]
    public async Task Hub_calls_routing_and_the_outbox_publish_with_its_consumer_are_traced_without_message_text_or_secrets()
    {
        var spans = new List<Activity>();
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Hotline:Telemetry:Enabled"] = "true" },
            configure: services => services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans)));
        var token = await server.SignInAsync(Demo.FuresoAgent);
        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        await citizen.SendAsync("Mit nummer er 21 43 65 87, kan I ringe?");
        await agent.EndChatAsync(chat.ChatId);
        await server.Http.GetAsync("/api/shifts/very-secret-feed-token.ics");
        await Task.Delay(1500);
        server.Services.GetRequiredService<TracerProvider>().ForceFlush(5000).Should().BeTrue();

        List<Activity> all;
        lock (spans)
        {
            all = [.. spans];
        }

        all.Should().Contain(s => s.Source.Name == "Microsoft.AspNetCore.SignalR.Server" && s.DisplayName.EndsWith("/SendMessage", StringComparison.Ordinal), "each hub call is a span");
        all.Should().Contain(s => s.Source.Name == "SharedHotline" && s.DisplayName == "routing pass");
        var publishes = all.Where(s => s.Source.Name == "SharedHotline" && s.DisplayName.StartsWith("outbox publish", StringComparison.Ordinal)).ToList();
        publishes.Should().NotBeEmpty();
        all.Should().Contain(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && publishes.Any(p => p.TraceId == s.TraceId),
            "an event published from the outbox and its consumer on the bus are one trace");
        // An activity listener hears the whole process, so servers of test classes running alongside add their own EndChat spans.
        var endings = all.Where(s => s.Source.Name == "Microsoft.AspNetCore.SignalR.Server" && s.DisplayName.EndsWith("/EndChat", StringComparison.Ordinal)).ToList();
        endings.Should().NotBeEmpty();
        endings.Should().Contain(ending => all.Any(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && s.TraceId == ending.TraceId),
            "the hub call that ended the chat, the stored event's publish and its consumer are one trace");

        // The test's own HTTP calls run in this process too (System.Net.Http client spans, with their full URL): only the server's spans count.
        var serverSide = all.Where(s => s.Source.Name != "System.Net.Http").ToList();
        var tagged = string.Join('\n', serverSide.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)));
        tagged.Should().NotContain("21 43 65 87").And.NotContain("very-secret-feed-token").And.NotContain(token);
        all.Should().Contain(s => s.GetTagItem("url.path") as string == "/api/shifts/{token}.ics", "the feed's secret is replaced in the path");
    }
}
