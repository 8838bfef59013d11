using System.Collections.Concurrent;
using System.Net.Http.Json;
using Serilog.Core;
using Serilog.Events;
using SharedHotline.Client;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Privacy;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>A refusal is not a server error: logged once, at Information, without what the caller sent, and capped.</summary>
public sealed class HubRefusalLoggingTests
{
    private const string Typed = "Hans Jensen Søndergade";

    [Fact]
    public async Task A_flood_of_refused_hub_calls_logs_no_error_no_caller_text_and_at_most_the_lines_a_minute_allows()
    {
        var events = new ConcurrentQueue<LogEvent>();
        await using var server = await StartAsync(events, new() { ["Hotline:Limits:RefusedCallsPerConnection:Permits"] = "1000" });
        var citizen = await server.ConnectCitizenAsync();
        var before = events.Count;

        var codes = new List<string>();
        for (var i = 0; i < RefusalLog.LinesPerMinute + 40; i++)
        {
            try
            {
                await citizen.StartChatAsync(new StartChatRequest(Typed, "pas"));
            }
            catch (HotlineHubException ex)
            {
                codes.Add(ex.Code);
            }
        }

        codes.Should().HaveCount(RefusalLog.LinesPerMinute + 40).And.OnlyContain(c => c == HubErrorCodes.KommuneNotFound);
        var logged = events.Skip(before).ToList();
        logged.Where(e => e.Level >= LogEventLevel.Warning).Select(Render).Should().BeEmpty("a refused call is not a server error");
        logged.Select(Render).Should().NotContain(line => line.Contains("Hans Jensen", StringComparison.Ordinal));
        logged.Count(e => e.MessageTemplate.Text.Contains("refused with", StringComparison.Ordinal)).Should().Be(RefusalLog.LinesPerMinute);
    }

    [Fact]
    public async Task An_unknown_kommune_sent_in_the_x_kommune_header_or_a_hub_call_is_not_echoed_into_the_log()
    {
        var events = new ConcurrentQueue<LogEvent>();
        await using var server = await StartAsync(events);
        await using var citizen = new CitizenHubClient(server.BaseAddress, o => o.Headers["X-Kommune"] = "Hans Jensen Torvet");
        await citizen.ConnectAsync();
        var refused = () => citizen.StartChatAsync(new StartChatRequest(Typed, "pas"));
        (await refused.Should().ThrowAsync<HotlineHubException>()).Which.Message.Should().Contain("Hans Jensen", "the caller is told what was not found");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/kommuner") { Headers = { { "X-Kommune", "Hans Jensen Torvet" } } };
        (await server.Http.SendAsync(request)).Dispose();

        events.Should().NotBeEmpty();
        events.Select(Render).Should().NotContain(line => line.Contains("Hans Jensen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_logged_as_the_400_the_client_got_with_no_unhandled_exception()
    {
        var events = new ConcurrentQueue<LogEvent>();
        await using var server = await StartAsync(events);
        var before = events.Count;
        using var content = new StringContent("{\"topic\": \"pas\", \"phone\": ", System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Http.PostAsync("/api/kommuner/soroe/callbacks", content);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        for (var i = 0; i < 50 && !events.Skip(before).Any(e => e.Properties.ContainsKey("RequestPath")); i++)
        {
            await Task.Delay(100); // the request log line is written as the response completes
        }

        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString().Should().Be(HubErrorCodes.InvalidArgument);
        var logged = events.Skip(before).ToList();
        var lines = logged.Where(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString().Contains("callbacks", StringComparison.Ordinal)).ToList();
        lines.Should().ContainSingle().Which.Properties["StatusCode"].ToString().Should().Be("400");
        logged.Where(e => e.Level >= LogEventLevel.Error || e.Exception is not null).Select(Render).Should().BeEmpty();
    }

    private static Task<HotlineServer> StartAsync(ConcurrentQueue<LogEvent> events, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return HotlineServer.StartAsync(Demo.SundayLateEvening, settings, configure: services =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, new HotlineLogSink(new CollectingSink(events))));
    }

    private static string Render(LogEvent e) => e.RenderMessage() + " " + string.Join(" ", e.Properties.Select(p => p.Value.ToString())) + " " + e.Exception;

    private sealed class CollectingSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
