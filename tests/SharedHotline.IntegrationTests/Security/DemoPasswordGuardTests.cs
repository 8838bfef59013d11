using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Hosting;

namespace SharedHotline.IntegrationTests.Security;

public sealed class DemoPasswordGuardTests
{
    [Theory]
    [InlineData("Production", "hotline-demo")]
    [InlineData("Production", "short")]
    [InlineData("Staging", "hotline-demo")]
    public void Outside_development_and_testing_the_server_refuses_to_start_with_a_default_or_short_demo_password(string environment, string password)
    {
        var act = () => Build(environment, password, seed: true);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Hotline:DemoPassword*at least 12 characters*");
    }

    [Theory]
    [InlineData("Production", "a-long-and-secret-demo-password", true)]
    [InlineData("Production", "hotline-demo", false)]
    [InlineData("Development", "hotline-demo", true)]
    [InlineData("Testing", "hotline-demo", true)]
    public void A_long_secret_no_demo_seeding_or_a_development_or_testing_environment_starts(string environment, string password, bool seed)
    {
        var act = () => Build(environment, password, seed);

        act.Should().NotThrow();
    }

    private static void Build(string environment, string password, bool seed)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = RepositoryPaths.ServerProject, EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:DataFolder"] = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "guard-" + Guid.NewGuid().ToString("N")),
            ["Hotline:SeedDemoData"] = seed ? "true" : "false",
            ["Hotline:DemoPassword"] = password,
            ["Hotline:DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(new byte[32]),
            ["Hotline:Security:OriginHashKey"] = "a-long-origin-hash-secret",
        });
        builder.AddHotline();
    }
}
