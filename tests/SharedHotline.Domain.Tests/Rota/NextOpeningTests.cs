using NodaTime;
using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class NextOpeningTests
{
    private readonly RotaSnapshot _snapshot = Snapshot();

    [Fact]
    public void Sorø_closed_at_19_on_Friday_next_opens_at_09_on_Monday_in_its_own_hours()
    {
        var next = _snapshot.NextOpening(Sorø, Local(2026, 11, 27, 19, 0));

        next.Should().NotBeNull();
        next!.Start.LocalDateTime.Should().Be(new LocalDateTime(2026, 11, 30, 9, 0));
        next.Start.Offset.Should().Be(Offset.FromHours(1));
        next.Mode.Should().Be(OpeningMode.Own);
        next.ResponsibleKommune.Should().Be(Sorø);
    }

    [Fact]
    public void A_weekend_with_fall_back_gives_a_Monday_opening_in_winter_time()
    {
        var next = _snapshot.NextOpening(Sorø, Local(2026, 10, 23, 19, 0))!;

        next.Start.LocalDateTime.Should().Be(new LocalDateTime(2026, 10, 26, 9, 0));
        next.Start.Offset.Should().Be(Offset.FromHours(1));
        next.Start.ToInstant().Should().Be(Instant.FromUtc(2026, 10, 26, 8, 0));
    }

    [Fact]
    public void A_weekend_with_spring_forward_gives_a_Monday_opening_in_summer_time()
    {
        var next = _snapshot.NextOpening(Sorø, Local(2026, 3, 27, 19, 0))!;

        next.Start.LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 30, 9, 0));
        next.Start.Offset.Should().Be(Offset.FromHours(2));
        next.Start.ToInstant().Should().Be(Instant.FromUtc(2026, 3, 30, 7, 0));
    }

    [Fact]
    public void While_open_the_next_opening_skips_the_windows_contiguous_with_the_current_one()
    {
        var next = _snapshot.NextOpening(Sorø, Local(2026, 11, 26, 10, 0))!;

        next.Start.LocalDateTime.Should().Be(new LocalDateTime(2026, 11, 27, 9, 0), "Thursday runs on from own hours into the shared slot until 22");
    }

    [Fact]
    public void Early_on_Monday_the_next_opening_is_the_same_morning()
    {
        var next = _snapshot.NextOpening(Sorø, Local(2026, 11, 30, 7, 45))!;

        next.Start.Should().Be(LocalZoned(2026, 11, 30, 9));
    }

    [Fact]
    public void After_juleaften_2026_Sorø_next_opens_on_Monday_28_December()
    {
        var next = _snapshot.NextOpening(Sorø, Local(2026, 12, 24, 18, 0))!;

        next.Start.Should().Be(LocalZoned(2026, 12, 28, 9));
    }

    [Fact]
    public void Before_Easter_2027_the_long_weekend_is_skipped_to_Tuesday()
    {
        var next = _snapshot.NextOpening(Sorø, Local(2027, 3, 24, 22, 30))!;

        next.Start.Should().Be(LocalZoned(2027, 3, 30, 9));
    }

    [Fact]
    public void København_after_22_on_Sunday_reopens_at_08_on_Monday()
    {
        var next = _snapshot.NextOpening(København, Local(2026, 11, 29, 22, 30))!;

        next.Start.Should().Be(LocalZoned(2026, 11, 30, 8));
        next.Mode.Should().Be(OpeningMode.Own);
    }

    [Fact]
    public void A_kommune_without_hours_or_partnership_never_opens() =>
        _snapshot.NextOpening(999, Local(2026, 11, 27, 19, 0)).Should().BeNull();

    [Fact]
    public void Nothing_within_the_search_horizon_gives_no_opening() =>
        _snapshot.NextOpening(Sorø, Local(2026, 11, 27, 19, 0), searchDays: 1).Should().BeNull();
}
