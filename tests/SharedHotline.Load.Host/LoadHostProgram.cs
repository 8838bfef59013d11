using SharedHotline.Server.Hosting;

namespace SharedHotline.Load.Host;

/// <summary>The hotline server with the load-test additions (<see cref="LoadTestingServiceCollectionExtensions"/>).</summary>
public static class LoadHostProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddHotline();
        builder.AddLoadTesting();

        var app = builder.Build();
        app.UseHotline();
        app.MapLoadTesting();
        await app.InitializeHotlineAsync(seedMore: LoadTestingServiceCollectionExtensions.SeedAsync);
        await app.RunAsync();
    }
}
