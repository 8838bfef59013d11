using SharedHotline.Domain.Invitations;

namespace SharedHotline.Infrastructure.Tests.LiveState;

/// <summary>
/// What every store of the invitations' reservations must do, run against the in-process store and against Redis:
/// never more unexpired reservations in a pool than the limit, each reservation ended once (released or expired).
/// </summary>
public abstract class InvitationReservationsContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 24, 19, 30, 0, TimeSpan.Zero);

    protected IInvitationReservations Store { get; private set; } = null!;

    /// <summary>A fresh, empty store; each call is another node on the same shared state.</summary>
    protected abstract Task<IInvitationReservations> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_pool_holds_no_more_reservations_than_its_limit_and_another_pool_is_counted_apart()
    {
        (await Store.TryReserveAsync("slot:a", Guid.NewGuid(), 340, 2, Now.AddSeconds(45), Now)).Should().BeTrue();
        (await Store.TryReserveAsync("slot:a", Guid.NewGuid(), 316, 2, Now.AddSeconds(45), Now)).Should().BeTrue();
        (await Store.TryReserveAsync("slot:a", Guid.NewGuid(), 340, 2, Now.AddSeconds(45), Now)).Should().BeFalse();
        (await Store.TryReserveAsync("own:101", Guid.NewGuid(), 101, 1, Now.AddSeconds(45), Now)).Should().BeTrue();

        (await Store.CountAsync("slot:a", Now)).Should().Be(2);
    }

    [Fact]
    public async Task An_expired_reservation_frees_its_place_and_is_taken_as_expired_once()
    {
        var old = Guid.NewGuid();
        await Store.TryReserveAsync("slot:a", old, 340, 1, Now.AddSeconds(45), Now);
        var later = Now.AddSeconds(46);

        (await Store.TryReserveAsync("slot:a", Guid.NewGuid(), 340, 1, later.AddSeconds(45), later)).Should().BeTrue("the first place ran out");
        (await Store.ReleaseAsync(old, 340, later)).Should().BeFalse("an expired invitation is counted by the sweep, not released");
        (await Store.TakeExpiredAsync(later)).Should().Equal(new ExpiredInvitation(old, 340));
        (await Store.TakeExpiredAsync(later)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_reservation_is_released_once_and_only_by_its_own_kommune()
    {
        var id = Guid.NewGuid();
        await Store.TryReserveAsync("slot:a", id, 316, 1, Now.AddSeconds(45), Now);

        (await Store.ReleaseAsync(id, 340, Now.AddSeconds(1))).Should().BeFalse("Sorø cannot end Holbæk's invitation");
        (await Store.ReleaseAsync(id, 316, Now.AddSeconds(1))).Should().BeTrue();
        (await Store.ReleaseAsync(id, 316, Now.AddSeconds(1))).Should().BeFalse();
        (await Store.ReleaseAsync(Guid.NewGuid(), 316, Now)).Should().BeFalse("an unknown invitation releases nothing");
        (await Store.CountAsync("slot:a", Now.AddSeconds(1))).Should().Be(0);
        (await Store.TakeExpiredAsync(Now.AddHours(1))).Should().BeEmpty();
    }

    [Fact]
    public async Task Twenty_pages_asking_at_once_on_two_nodes_get_exactly_the_free_places()
    {
        var other = await CreateStoreAsync();
        var asks = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? Store : other).TryReserveAsync("slot:b", Guid.NewGuid(), 340, 3, Now.AddSeconds(45), Now));

        var granted = await Task.WhenAll(asks);

        granted.Count(g => g).Should().Be(3);
        (await other.CountAsync("slot:b", Now)).Should().Be(3);
    }
}
