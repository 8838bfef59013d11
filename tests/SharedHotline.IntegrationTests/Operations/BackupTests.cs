using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Operations;

/// <summary>The embedded default's online backup (<c>--backup PATH</c>) and a restore from it.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_the_server_runs_restores_and_the_citizen_resumes_her_chat_from_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var live = Path.Combine(root, "live");
        var restored = Path.Combine(root, "restored");
        var backup = Path.Combine(root, "backups", "hotline-2026-11-24.db");
        try
        {
            string token;
            await using (var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Hotline:DataFolder"] = live }))
            {
                var (agent, citizen, chat) = await server.AcceptedChatAsync(Demo.FuresoAgent, "soroe");
                await citizen.SendAsync("Mit pas er væk.", "b-1");
                await agent.SendAsync(chat.ChatId, "Det kan vi ordne.", "b-2");

                // Messages keep arriving while the backup runs: the copy is one instant, and the server is not held up.
                using var writing = new CancellationTokenSource();
                var sent = 0;
                var writer = Task.Run(async () =>
                {
                    while (!writing.IsCancellationRequested)
                    {
                        await citizen.SendAsync($"Besked {++sent}");
                    }
                });
                var (exitCode, output) = await NodeProcess.RunCommandAsync(new Dictionary<string, string> { ["Hotline:DataFolder"] = live }, "--backup", backup);
                await writing.CancelAsync();
                await writer;
                exitCode.Should().Be(0, output);
                output.Should().Contain("integrity check ok");
                sent.Should().BePositive("the server went on storing messages during the backup");
                token = citizen.SessionToken!;
            }

            // Restore: the backup file becomes the database of a fresh node (docs/operations.md).
            Directory.CreateDirectory(restored);
            File.Copy(backup, Path.Combine(restored, "sharedhotline.db"));
            await using var again = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Hotline:DataFolder"] = restored });
            await using var resumed = new CitizenHubClient(again.BaseAddress);
            await resumed.ConnectAsync();
            var chatBack = await resumed.ResumeAsync(token);
            chatBack.Messages.Select(m => m.ClientMessageId).Should().ContainInOrder("b-1", "b-2");
            chatBack.Messages.Select(m => m.Seq).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            chatBack.Messages.Select(m => m.Seq).Should().Equal(Enumerable.Range(1, chatBack.Messages.Count).Select(i => (long)i), "a consistent copy has no gap in a chat's numbers");
            var next = await resumed.SendAsync("Er I der stadig?");
            next.Seq.Should().Be(chatBack.Messages.Count + 1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task The_backup_command_refuses_PostgreSQL_and_a_missing_path_with_a_clear_exit_code()
    {
        var (pgExit, pgOutput) = await NodeProcess.RunCommandAsync(new Dictionary<string, string> { ["Hotline:Database"] = "postgres", ["ConnectionStrings:Hotline"] = "Host=127.0.0.1" }, "--backup", "/tmp/x.db");
        pgExit.Should().Be(2);
        pgOutput.Should().Contain("pg_dump");
        var (usageExit, usage) = await NodeProcess.RunCommandAsync(new Dictionary<string, string>(), "--backup");
        usageExit.Should().Be(1);
        usage.Should().Contain("Usage");
    }
}
