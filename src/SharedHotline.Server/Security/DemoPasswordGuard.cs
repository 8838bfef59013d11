namespace SharedHotline.Server.Security;

/// <summary>
/// The seeded demo accounts must not open a real installation with a known password: outside Development and Testing,
/// seeding demo data with the default password (or one shorter than <see cref="MinLength"/>) stops the server at start.
/// </summary>
public static class DemoPasswordGuard
{
    public const string DefaultPassword = "hotline-demo";
    public const int MinLength = 12;

    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing") || !configuration.GetValue<bool>("Hotline:SeedDemoData"))
        {
            return;
        }

        var password = configuration["Hotline:DemoPassword"] ?? "";
        if (password == DefaultPassword || password.Length < MinLength)
        {
            throw new InvalidOperationException(
                $"Refusing to start in {environment.EnvironmentName}: Hotline:SeedDemoData is on and Hotline:DemoPassword is " +
                (password == DefaultPassword ? "the published default" : $"shorter than {MinLength} characters") +
                $". Set Hotline:DemoPassword to a secret of at least {MinLength} characters, or set Hotline:SeedDemoData to false.");
        }
    }
}
