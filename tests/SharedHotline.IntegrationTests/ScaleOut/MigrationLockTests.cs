using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;

namespace SharedHotline.IntegrationTests.ScaleOut;

/// <summary>Several nodes starting on one empty PostgreSQL database: one migrates and seeds at a time, the others wait.</summary>
public sealed class MigrationLockTests
{
    [Fact]
    public async Task Two_nodes_started_at_once_on_a_PostgreSQL_server_without_the_database_create_it_once_and_serve()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var missing = postgres.ConnectionString("hotline_" + Guid.NewGuid().ToString("N")[..12]);
        var settings = new Dictionary<string, string?> { ["Hotline:Database"] = "postgres", ["ConnectionStrings:Hotline"] = missing };

        var nodes = await Task.WhenAll(HotlineServer.StartAsync(Demo.TuesdayEvening, settings), HotlineServer.StartAsync(Demo.TuesdayEvening, settings));
        try
        {
            foreach (var node in nodes)
            {
                (await node.Http.GetStringAsync("/health/ready")).Should().Be("Healthy");
            }

            await using var connection = new NpgsqlConnection(missing);
            await connection.OpenAsync();
            (await Scalar(connection, "SELECT count(*) FROM staff WHERE \"UserName\" = 'mia.fureso'")).Should().Be(1L, "created, migrated and seeded once");
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Two_nodes_started_at_once_on_an_empty_PostgreSQL_wait_for_the_lock_then_migrate_and_seed_once()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Hotline:Database"] = "postgres",
            ["ConnectionStrings:Hotline"] = connectionString,
        };

        // A third party (an operator's manual migration, or a node mid-upgrade) holds the lock first.
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await Scalar(holder, $"SELECT pg_advisory_lock({MigrationLock.Key}, hashtext(current_database()))");

        var starting = new[] { HotlineServer.StartAsync(Demo.TuesdayEvening, settings), HotlineServer.StartAsync(Demo.TuesdayEvening, settings) };
        await Task.Delay(TimeSpan.FromSeconds(2));
        starting.Should().OnlyContain(t => !t.IsCompleted, "neither node migrates while another holds the lock");
        (await Scalar(holder, "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NULL")).Should().Be(true, "nothing is migrated yet");

        await Scalar(holder, $"SELECT pg_advisory_unlock({MigrationLock.Key}, hashtext(current_database()))");
        var nodes = await Task.WhenAll(starting);
        try
        {
            foreach (var node in nodes)
            {
                (await node.Http.GetStringAsync("/health/ready")).Should().Be("Healthy");
                var kommuner = await node.Http.GetFromJsonAsync<JsonElement[]>("/api/kommuner");
                kommuner!.Select(k => k.GetProperty("slug").GetString()).Should().OnlyHaveUniqueItems().And.Contain("soroe");
            }

            (await Scalar(holder, "SELECT count(*) FROM staff WHERE \"UserName\" = 'mia.fureso'")).Should().Be(1L, "the demo staff is seeded once");
            var applied = (long)(await Scalar(holder, "SELECT count(*) FROM \"__EFMigrationsHistory\""))!;
            applied.Should().BePositive();
            (await Scalar(holder, "SELECT count(DISTINCT \"MigrationId\") FROM \"__EFMigrationsHistory\"")).Should().Be(applied);

            // Both nodes serve the same chat: a citizen started on one is answered from the other.
            await using var agent = await nodes[1].ConnectAgentAsync(Demo.FuresoAgent);
            (await agent.GetSessionAsync()).Should().NotBeNull();
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
