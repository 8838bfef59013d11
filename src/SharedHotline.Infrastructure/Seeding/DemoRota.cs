using SharedHotline.Domain.Rota;

namespace SharedHotline.Infrastructure.Seeding;

/// <summary>
/// The brief's demo partnership: Fredensborg, Frederikssund, Furesø, Holbæk and Sorø share Mon-Thu 15-22 and
/// Fri 15-18, the responsible kommune rotating weekly in that order. København is not a member (its citizens are
/// answered by its own 8-22 hotline, never by the partnership's staff); it is the overflow partner whose agents join
/// a member's waiting chat after five minutes while København's own hours are open.
/// </summary>
public static class DemoRota
{
    /// <summary>Monday of ISO week 1 of 2026: Fredensborg's first week.</summary>
    public static readonly DateOnly RotationAnchor = new(2025, 12, 29);

    public static readonly int[] RotationOrder = [210, 250, 190, 316, 340];

    public static Partnership Create()
    {
        var turns = RotationOrder.Select(k => new RotationTurn(k, DemoStaff.AgentsOf(k))).ToList();
        var rotation = new Rotation(RotationKind.ByIsoWeek, RotationAnchor, turns);
        return new Partnership
        {
            Id = DemoStaff.PartnershipId,
            Name = "Selvbetjeningshotline Nordsjælland-Vestsjælland",
            Members = [210, 250, 190, 316, 340],
            Patterns =
            [
                new ShiftPattern
                {
                    Id = new Guid("5b0c3c52-0d7e-4d55-9a39-3f1e3c9f0a01"),
                    Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
                    Start = new TimeOnly(15, 0),
                    End = new TimeOnly(22, 0),
                    ValidFrom = RotationAnchor,
                    Rotation = rotation,
                    MinAgents = 1,
                },
                new ShiftPattern
                {
                    Id = new Guid("5b0c3c52-0d7e-4d55-9a39-3f1e3c9f0a02"),
                    Days = [DayOfWeek.Friday],
                    Start = new TimeOnly(15, 0),
                    End = new TimeOnly(18, 0),
                    ValidFrom = RotationAnchor,
                    Rotation = rotation,
                    MinAgents = 1,
                },
            ],
            ClosedDays =
            [
                new ClosedDay(12, 24, "Juleaften"),
                new ClosedDay(12, 31, "Nytårsaften"),
                new ClosedDay(6, 5, "Grundlovsdag", new TimeOnly(12, 0)),
            ],
            Overflow = new OverflowRule(101, TimeSpan.FromMinutes(5)),
        };
    }
}
