using SharedHotline.Load.Chaos;
using Xunit.Abstractions;

namespace SharedHotline.IntegrationTests.Load;

/// <summary>Runs alone, after the other classes: its failures and the 30-second wait it checks must not share two cores with the rest of the suite.</summary>
[CollectionDefinition(nameof(ChaosCollection), DisableParallelization = true)]
public sealed class ChaosCollection;

/// <summary>
/// The 3-minute chaos run (docs/reliability.md): two nodes, PostgreSQL and Redis as real processes, agents and citizens
/// at work, while nodes are killed, Redis restarts with and without its data, PostgreSQL freezes and sockets are cut.
/// </summary>
[Collection(nameof(ChaosCollection))]
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_minutes_of_killed_nodes_restarted_redis_a_frozen_database_and_cut_sockets_lose_nothing_acknowledged()
    {
        var report = await ChaosRun.RunAsync(ChaosOptions.ThreeMinutes, output.WriteLine, CancellationToken.None);
        var markdown = report.ToMarkdown();
        Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts", "chaos"));
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Root, "artifacts", "chaos", "three-minutes.md"), markdown);
        output.WriteLine(markdown);

        report.ActionsLike("killed (SIGKILL)").Should().BeGreaterThanOrEqualTo(2, "a node dies more than once");
        report.ActionsLike("started again").Should().BeGreaterThanOrEqualTo(2);
        report.ActionsLike("Redis killed and started empty").Should().BeGreaterThanOrEqualTo(1);
        report.ActionsLike("Redis killed and started from its append-only file").Should().BeGreaterThanOrEqualTo(1);
        report.ActionsLike("PostgreSQL paused").Should().BeGreaterThanOrEqualTo(1);
        report.Counter("connections cut").Should().BeGreaterThanOrEqualTo(5);
        report.Counter("chats started").Should().BeGreaterThanOrEqualTo(ChaosOptions.ThreeMinutes.Citizens);
        report.Counter("messages acknowledged").Should().BeGreaterThan(1000, "both sides wrote all the way through");
        report.Checks.Should().HaveCount(9);
        report.Checks.Where(c => c.Breaches > 0).Should().BeEmpty(markdown);
    }
}
