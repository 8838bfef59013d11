using SharedHotline.Domain.Invitations;
using SharedHotline.Infrastructure.LiveState;

namespace SharedHotline.Infrastructure.Tests.LiveState;

public sealed class InProcessInvitationReservationsTests : InvitationReservationsContract
{
    private readonly InProcessInvitationReservations _shared = new();

    // One process is one node: "another node" is the same store.
    protected override Task<IInvitationReservations> CreateStoreAsync() => Task.FromResult<IInvitationReservations>(_shared);
}
