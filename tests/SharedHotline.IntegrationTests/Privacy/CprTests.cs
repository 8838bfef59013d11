using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Privacy;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Privacy;

namespace SharedHotline.IntegrationTests.Privacy;

public sealed class CprTests
{
    private static readonly string[] Items = ["311299 4321"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_cpr_number_in_a_property_the_template_or_an_exception_never_reaches_the_log_output(bool json)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Json"] = json ? "true" : "false" }).Build();
        using var output = new StringWriter();
        var sink = new TextWriterLogSink(output, HotlineLogging.Formatter(configuration));
        using (var logger = HotlineLogging.Configure(new LoggerConfiguration(), configuration, [sink]).CreateLogger())
        {
            logger.Warning("Citizen wrote {Text} with {@Details}", "mit cpr er 010203-1234", new { Cpr = "0102031234", Note = "ok" });
            logger.Warning("Literal 241280-4321 in a template");
            logger.Error(new InvalidOperationException("Bad row 150585-2468"), "Storing failed for {Items}", Items);
        }

        var text = output.ToString();
        text.Should().Contain(CprNumbers.Mask).And.Contain("Citizen wrote").And.Contain("Storing failed").And.Contain("InvalidOperationException");
        foreach (var cpr in new[] { "010203-1234", "0102031234", "241280-4321", "150585-2468", "311299 4321", "1234" })
        {
            text.Should().NotContain(cpr);
        }
    }

    [Fact]
    public async Task The_running_servers_log_lines_mask_a_cpr_number_logged_through_microsoft_logging()
    {
        using var output = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" };
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings, configure: services =>
            services.AddSingleton(new HotlineLogSink(new TextWriterLogSink(output, HotlineLogging.Formatter(new ConfigurationBuilder().Build())))));
        var logger = server.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CprProbe");

#pragma warning disable CA1848, CA2254 // deliberately a template with a literal CPR number, as careless code might write
        logger.LogWarning("Probe {Value}", "cpr 0102031234");
        logger.LogWarning("Probe literal 010203-1234");
#pragma warning restore CA1848, CA2254
        (await server.Http.GetAsync(new Uri("/api/kommuner/soroe/%20010203-1234?q=01.02.03%2F1234", UriKind.Relative))).Dispose();
        for (var i = 0; i < 50 && !output.ToString().Contains("/api/kommuner/soroe/", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100); // the request log line is written as the response completes
        }

        var text = output.ToString();
        text.Should().Contain("Probe cpr " + CprNumbers.Mask).And.Contain("Probe literal " + CprNumbers.Mask);
        text.Should().NotContain("0102031234").And.NotContain("010203-1234").And.NotContain("%20010203").And.NotContain("%2F1234").And.NotContain("03/1234");
    }

    [Fact]
    public async Task A_citizen_message_with_a_cpr_number_is_stored_as_written_and_flagged_to_the_agent()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
        await agent.SetPresenceAsync(Presence.Available);
        var received = new Inbox<ChatMessage>();
        agent.MessageReceived += received.Add;
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await agent.AcceptChatAsync(chat.ChatId);

        await citizen.SendAsync("Mit CPR-nummer er 010203-1234");
        await citizen.SendAsync("Og mit telefonnummer er 12345678");

        (await received.WaitForAsync(m => m.Text.Contains("010203-1234", StringComparison.Ordinal))).ContainsCpr.Should().BeTrue();
        (await received.WaitForAsync(m => m.Text.Contains("12345678", StringComparison.Ordinal))).ContainsCpr.Should().BeFalse();
        (await agent.GetChatAsync(chat.ChatId)).Messages.Should().ContainSingle(m => m.ContainsCpr).Which.Text.Should().Be("Mit CPR-nummer er 010203-1234");
        (await StaffAccounts.WithDbAsync(server, db => db.Messages.CountAsync(m => m.ChatId == chat.ChatId && m.ContainsCpr))).Should().Be(1);
    }
}
