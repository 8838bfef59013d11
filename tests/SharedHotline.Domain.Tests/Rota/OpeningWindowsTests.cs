using NodaTime;
using SharedHotline.Domain.Rota;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Rota;

public class OpeningWindowsTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    [Fact]
    public void Thursday_is_own_from_09_to_17_then_shared_until_22()
    {
        var windows = Snapshot().OpeningWindows(Sorø, Thursday, Thursday);

        windows.Should().HaveCount(2);
        windows[0].Should().Be(new OpeningWindow(LocalZoned(2026, 11, 26, 9), LocalZoned(2026, 11, 26, 17), OpeningMode.Own, Sorø, null));
        windows[1].Should().Be(new OpeningWindow(LocalZoned(2026, 11, 26, 17), LocalZoned(2026, 11, 26, 22), OpeningMode.Shared, Furesø, PartnershipId));
    }

    [Fact]
    public void Monday_own_and_shared_windows_touch_at_15_but_stay_apart_because_their_mode_differs()
    {
        var windows = Snapshot().OpeningWindows(Sorø, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23));

        windows.Select(w => (w.Start.Hour, w.End.Hour, w.Mode)).Should().Equal((9, 15, OpeningMode.Own), (15, 22, OpeningMode.Shared));
    }

    [Fact]
    public void A_week_for_Sorø_has_an_own_and_a_shared_window_each_working_day_and_nothing_at_the_weekend()
    {
        var windows = Snapshot().OpeningWindows(Sorø, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29));

        windows.Should().HaveCount(10);
        windows.Should().OnlyContain(w => w.Start.DayOfWeek != IsoDayOfWeek.Saturday && w.Start.DayOfWeek != IsoDayOfWeek.Sunday);
        windows.Select(w => w.Start.ToInstant()).Should().BeInAscendingOrder();
        windows[^1].End.Should().Be(LocalZoned(2026, 11, 27, 18));
    }

    [Fact]
    public void København_has_one_own_window_08_to_22_every_day_hiding_the_shared_slots()
    {
        var windows = Snapshot().OpeningWindows(København, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29));

        windows.Should().HaveCount(7);
        windows.Should().OnlyContain(w => w.Mode == OpeningMode.Own && w.Start.Hour == 8 && w.End.Hour == 22 && w.ResponsibleKommune == København);
    }

    [Fact]
    public void Contiguous_shared_slots_with_the_same_responsible_kommune_merge_into_one_window()
    {
        var extra = new RotaException
        {
            Id = Guid.NewGuid(),
            Kind = RotaExceptionKind.ExtraSlot,
            Date = Thursday,
            Start = new TimeOnly(22, 0),
            End = new TimeOnly(23, 30),
            ResponsibleKommune = Furesø,
            AgentIds = [Agent(Furesø, 1)],
        };

        var windows = Snapshot(extra).OpeningWindows(Sorø, Thursday, Thursday);

        windows.Should().HaveCount(2);
        windows[1].Start.Should().Be(LocalZoned(2026, 11, 26, 17));
        windows[1].End.Should().Be(LocalZoned(2026, 11, 26, 23, 30));
    }

    [Fact]
    public void Contiguous_shared_slots_with_different_responsible_kommuner_stay_separate()
    {
        var extra = new RotaException
        {
            Id = Guid.NewGuid(),
            Kind = RotaExceptionKind.ExtraSlot,
            Date = Thursday,
            Start = new TimeOnly(22, 0),
            End = new TimeOnly(23, 30),
            ResponsibleKommune = Sorø,
            AgentIds = [Agent(Sorø, 1)],
        };

        var windows = Snapshot(extra).OpeningWindows(Sorø, Thursday, Thursday);

        windows.Select(w => w.ResponsibleKommune).Should().Equal(Sorø, Furesø, Sorø);
        windows[2].Mode.Should().Be(OpeningMode.Shared);
    }

    [Fact]
    public void Windows_carry_the_offset_of_their_side_of_spring_forward()
    {
        var windows = Snapshot().OpeningWindows(Sorø, new DateOnly(2026, 3, 27), new DateOnly(2026, 3, 30));

        windows.Should().HaveCount(4);
        windows[0].Start.Should().Be(LocalZoned(2026, 3, 27, 9));
        windows[0].Start.Offset.Should().Be(Offset.FromHours(1));
        windows[1].End.Offset.Should().Be(Offset.FromHours(1));
        windows[2].Start.Offset.Should().Be(Offset.FromHours(2));
        windows[3].Start.LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 30, 15, 0));
        windows[3].End.LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 30, 22, 0));
        (windows[3].End.ToInstant() - windows[3].Start.ToInstant()).Should().Be(Duration.FromHours(7));
    }

    [Fact]
    public void Juleaften_closes_the_shared_slot_and_Sorøs_own_hours_and_the_holidays_close_both()
    {
        // Issue 22: a member kommune's own hours follow the partnership's closed days (it showed open on juleaften).
        var windows = Snapshot().OpeningWindows(Sorø, new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 27));

        windows.Should().BeEmpty();
    }

    [Fact]
    public void An_open_window_contains_its_start_but_not_its_end()
    {
        var window = Snapshot().OpeningWindows(Sorø, Thursday, Thursday)[0];

        window.Contains(Local(2026, 11, 26, 9)).Should().BeTrue();
        window.Contains(Local(2026, 11, 26, 17)).Should().BeFalse();
    }
}
