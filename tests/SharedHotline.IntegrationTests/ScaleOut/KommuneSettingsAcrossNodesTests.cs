using SharedHotline.IntegrationTests.Administration;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;
using static SharedHotline.IntegrationTests.Administration.SettingsClient;

namespace SharedHotline.IntegrationTests.ScaleOut;

/// <summary>Furesø's admin changes the settings on node A; node B applies them without a restart.</summary>
public sealed class KommuneSettingsAcrossNodesTests
{
    private const string Website = "https://borger.furesoe.dk";

    [Fact]
    public async Task A_website_and_a_canned_answer_added_on_node_A_apply_on_node_B_at_once_over_RabbitMQ()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening, withRabbitMq: true);
        await LiveOnNodeBAsync(cluster, () => Task.CompletedTask);
    }

    [Fact]
    public async Task On_Redis_and_PostgreSQL_without_a_broker_the_change_reaches_node_B_by_the_periodic_check()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening, extra: new Dictionary<string, string?>
        {
            ["Hotline:Database"] = "postgres",
            ["ConnectionStrings:Hotline"] = await postgres.CreateDatabaseAsync(),
        });
        await LiveOnNodeBAsync(cluster, async () =>
        {
            await cluster.TickAsync();
            await cluster.TickAsync();
        });
    }

    private static async Task LiveOnNodeBAsync(Cluster cluster, Func<Task> propagate)
    {
        // Node B has read Furesø's settings before the change, so a stale cache would show.
        using (var before = await KommuneSettingsTests.WithOrigin(cluster.NodeB, "/api/kommuner/fureso/status", Website))
        {
            before.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        }

        using var admin = await AdminAsync(cluster.NodeA, FuresoAdmin);
        await ChangeAsync(admin, "fureso", s => AddOriginAndCannedAnswer(s, Website, "Åbningstider", "Borgerservice har åbent 9-15."));
        await propagate();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var after = await KommuneSettingsTests.WithOrigin(cluster.NodeB, "/api/kommuner/fureso/status", Website);
            if (after.Headers.Contains("Access-Control-Allow-Origin"))
            {
                break;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "node B should learn of the new website");
            await Task.Delay(100);
        }

        using var page = await cluster.NodeB.Http.GetAsync("/fureso/chat?embed=1");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain(Website);
        var offer = await KommuneSettingsTests.OfferOfNewChatAsync(cluster.NodeB, Demo.FuresoAgent, "fureso");
        offer.CannedAnswers.Should().Contain(c => c.Title == "Åbningstider");
    }
}
