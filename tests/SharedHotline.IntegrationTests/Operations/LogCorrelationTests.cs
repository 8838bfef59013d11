using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Privacy;

namespace SharedHotline.IntegrationTests.Operations;

/// <summary>The operator's logs: JSON, a correlation id per request and per hub call, the chat's id on its lines, never what was written.</summary>
public sealed class LogCorrelationTests
{
    [Fact]
    public async Task A_chats_log_lines_carry_its_ChatId_and_a_CorrelationId_and_never_the_text_or_phone_number_written()
    {
        var events = new ConcurrentQueue<LogEvent>();
        var json = new StringWriter();
        var jsonFormatter = HotlineLogging.Formatter(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Json"] = "true" }).Build());
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" }, configure: services =>
        {
            services.AddSingleton(new HotlineLogSink(new Collecting(events)));
            services.AddSingleton(new HotlineLogSink(new TextWriterLogSink(json, jsonFormatter)));
        });

        var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
        await citizen.SendAsync("Ring til mig på +45 21 43 65 87, jeg hedder Åse.");
        await agent.SendAsync(chat.ChatId, "Jeg ringer til dig på 21436587 om lidt.");
        await agent.EndChatAsync(chat.ChatId);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/kommuner/soroe/status");
        request.Headers.Add(CorrelationIds.Header, "ops-check-42");
        using var response = await server.Http.SendAsync(request);
        response.Headers.GetValues(CorrelationIds.Header).Should().Equal("ops-check-42");
        (await server.Http.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        await Task.Delay(300);

        var all = events.ToList();
        var text = string.Join('\n', all.Select(e => e.RenderMessage() + " " + string.Join(' ', e.Properties.Values)) ) + json;
        text.Should().NotContain("21 43 65 87").And.NotContain("21436587").And.NotContain("Åse").And.NotContain("ringer til dig");

        var chatId = chat.ChatId.ToString();
        var chatLines = all.Where(e => e.Properties.TryGetValue("ChatId", out var id) && id.ToString().Trim('"') == chatId).ToList();
        chatLines.Should().Contain(e => e.MessageTemplate.Text.Contains("stored", StringComparison.Ordinal), "each stored message logs a line with the chat's id");
        chatLines.Should().OnlyContain(e => e.Properties.ContainsKey(CorrelationIds.Property), "every line of a hub call has its correlation id");
        all.Should().Contain(e => e.Properties.ContainsKey("RequestPath") && e.Properties[CorrelationIds.Property].ToString() == "\"ops-check-42\"", "the request log line carries the caller's correlation id");

        all.Where(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/health/ready\"")
            .Should().OnlyContain(e => e.Level == LogEventLevel.Debug, "a readiness probe every few seconds is not news");

        // The console's JSON (Logging:Json) is one object per line, with the same properties.
        var lines = json.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotBeEmpty();
        foreach (var line in lines)
        {
            using var parsed = JsonDocument.Parse(line);
            parsed.RootElement.TryGetProperty("@t", out _).Should().BeTrue();
        }

        lines.Should().Contain(l => l.Contains($"\"ChatId\":\"{chatId}\"", StringComparison.Ordinal) && l.Contains("\"CorrelationId\":", StringComparison.Ordinal));
    }

    private sealed class Collecting(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
