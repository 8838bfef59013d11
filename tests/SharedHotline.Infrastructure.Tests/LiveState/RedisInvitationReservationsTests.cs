using Microsoft.Extensions.Options;
using SharedHotline.Domain.Invitations;
using SharedHotline.Infrastructure.LiveState;
using StackExchange.Redis;

namespace SharedHotline.Infrastructure.Tests.LiveState;

/// <summary>The contract on a real redis-server, each store with a connection of its own (a node).</summary>
public sealed class RedisInvitationReservationsTests(RedisFixture redis) : InvitationReservationsContract, IClassFixture<RedisFixture>
{
    private readonly string _prefix = "test-" + Guid.NewGuid().ToString("N");
    private readonly List<ConnectionMultiplexer> _connections = [];

    protected override async Task<IInvitationReservations> CreateStoreAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(LiveStateServiceCollectionExtensions.RedisConfiguration(redis.Server.ConnectionString));
        _connections.Add(connection);
        return new RedisInvitationReservations(connection, Options.Create(new RedisLiveStateOptions { Prefix = _prefix }));
    }

    public override async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
