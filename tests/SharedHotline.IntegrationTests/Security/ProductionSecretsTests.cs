using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Hosting;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>The keys that sign staff sessions are encrypted at rest, and a real installation cannot start without its secrets.</summary>
public sealed class ProductionSecretsTests
{
    private static readonly string KeyEncryptionKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task With_a_key_encryption_key_the_stored_data_protection_keys_are_ciphertext_and_sign_ins_still_work()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Hotline:DataProtection:KeyEncryptionKey"] = KeyEncryptionKey });
        var token = await server.SignInAsync(Demo.HolbaekAgent);
        using var http = await StaffAccounts.ClientAsync(server, Demo.HolbaekAgent);

        var stored = await StaffAccounts.WithDbAsync(server, db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());

        token.Should().NotBeNullOrEmpty();
        (await http.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        stored.Should().NotBeEmpty();
        stored.Should().OnlyContain(xml => !xml.Contains("<masterKey", StringComparison.Ordinal), "the key material itself is never stored in the clear");
        stored.Should().OnlyContain(xml => xml.Contains("keyEncryptionKey=", StringComparison.Ordinal), "each key names the key-encryption key it is sealed under");
    }

    [Fact]
    public async Task A_node_restarted_with_the_same_key_encryption_key_still_reads_the_sessions_it_issued_and_a_wrong_key_cannot()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Hotline:DataFolder"] = folder, ["Hotline:DataProtection:KeyEncryptionKey"] = KeyEncryptionKey };
        string token;
        await using (var first = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings))
        {
            token = await first.SignInAsync(Demo.HolbaekAgent);
        }

        await using (var again = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings))
        {
            using var http = new HttpClient { BaseAddress = again.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            (await http.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var wrongKey = new Dictionary<string, string?>(settings) { ["Hotline:DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(new byte[32]) };
        await using (var wrong = await HotlineServer.StartAsync(Demo.TuesdayEvening, wrongKey))
        {
            using var http = new HttpClient { BaseAddress = wrong.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            (await http.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "without the key the stored keys are unreadable");
        }

        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(null, "a-long-origin-hash-secret", "*KeyEncryptionKey*")]
    [InlineData("key", null, "*OriginHashKey*")]
    [InlineData("key", "short", "*OriginHashKey*at least 16*")]
    public void In_production_the_server_refuses_to_start_without_its_secrets(string? keyEncryptionKey, string? originHashKey, string message)
    {
        var act = () => Build("Production", keyEncryptionKey is null ? null : KeyEncryptionKey, originHashKey);

        act.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Fact]
    public void In_development_the_embedded_default_makes_its_own_origin_hash_key_and_keeps_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "keys-" + Guid.NewGuid().ToString("N"));

        Build("Development", null, null, folder);
        var made = File.ReadAllText(Path.Combine(folder, "origin-hash.key"));
        Build("Development", null, null, folder);

        made.Trim().Length.Should().BeGreaterThanOrEqualTo(40);
        File.ReadAllText(Path.Combine(folder, "origin-hash.key")).Should().Be(made);
        Directory.Delete(folder, recursive: true);
    }

    private static void Build(string environment, string? keyEncryptionKey, string? originHashKey, string? folder = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = RepositoryPaths.ServerProject, EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:DataFolder"] = folder ?? Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "guard-" + Guid.NewGuid().ToString("N")),
            ["Hotline:SeedDemoData"] = "false",
            ["Hotline:DataProtection:KeyEncryptionKey"] = keyEncryptionKey,
            ["Hotline:Security:OriginHashKey"] = originHashKey,
        });
        builder.AddHotline();
    }
}
