using SharedHotline.Domain.Routing;
using SharedHotline.Infrastructure.LiveState;

namespace SharedHotline.Infrastructure.Tests.LiveState;

public sealed class InProcessLiveStateTests : LiveStateContract
{
    protected override Task<ILiveState> CreateStoreAsync(string nodeId) =>
        Task.FromResult<ILiveState>(new InProcessLiveState(Time));
}
