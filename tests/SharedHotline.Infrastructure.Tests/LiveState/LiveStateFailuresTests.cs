using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.LiveState;
using StackExchange.Redis;

namespace SharedHotline.Infrastructure.Tests.LiveState;

public sealed class LiveStateFailuresTests
{
    [Fact]
    public async Task A_Redis_that_does_not_answer_is_reported_as_the_live_state_being_unavailable()
    {
        // A port nobody listens on: the multiplexer keeps trying in the background and fails every call at once.
        var options = LiveStateServiceCollectionExtensions.RedisConfiguration("127.0.0.1:1,connectTimeout=200");
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var redis = new RedisLiveState(connection, Options.Create(new RedisLiveStateOptions { Prefix = "failures-test", NodeId = "n" }), new FakeTimeProvider());
        var live = new LiveStateFailures(redis);

        var read = () => live.GetQueueAsync();
        var write = () => live.TryAssignAsync(Guid.NewGuid(), Guid.NewGuid());

        (await read.Should().ThrowAsync<LiveStateUnavailableException>()).WithInnerException<RedisException>();
        await write.Should().ThrowAsync<LiveStateUnavailableException>();
    }
}
