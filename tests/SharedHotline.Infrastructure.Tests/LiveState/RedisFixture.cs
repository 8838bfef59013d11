using SharedHotline.Testing;

namespace SharedHotline.Infrastructure.Tests.LiveState;

/// <summary>One real redis-server for the Redis test classes.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
