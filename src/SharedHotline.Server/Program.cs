using SharedHotline.Server.Hosting;

if (args.Contains(HealthProbe.Flag))
{
    return await HealthProbe.RunAsync(args);
}

if (args.Contains(BackupCommand.Flag))
{
    return await BackupCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddHotline();

var app = builder.Build();
app.UseHotline();
await app.InitializeHotlineAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
