using SharedHotline.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHotline();

var app = builder.Build();
app.UseHotline();
await app.InitializeHotlineAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
