namespace SharedHotline.IntegrationTests.Infrastructure;

/// <summary>One demo server on Tuesday evening shared by the tests of a class that only read.</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    public HotlineServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await HotlineServer.StartAsync(Demo.TuesdayEvening);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
