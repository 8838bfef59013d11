using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Benchmarks;

/// <summary>
/// A country-sized rota: 98 kommuner with weekday own hours 09-15, 20 partnerships of 6 kommuner each
/// (so some kommuner are in two), each with Mon-Thu 15-22 and Fri 15-18 patterns rotating weekly over its
/// members, valid for 2026, and 60 exceptions a year (cancellations, swaps, extra slots).
/// </summary>
public static class LargeRota
{
    public const int KommuneCount = 98;
    public const int PartnershipCount = 20;
    public const int MembersPerPartnership = 6;
    public const int ExceptionsPerPartnership = 60;

    public static int KodeOf(int index) => 100 + index;

    public static Guid AgentOf(int kode, int number) => new($"{kode:D8}-0000-0000-0000-{number:D12}");

    public static RotaSnapshot Create()
    {
        var ownHours = WeeklyHours.Create([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(15, 0));
        var kommuner = Enumerable.Range(0, KommuneCount)
            .Select(i => new Kommune(KodeOf(i), $"k{i}", $"Kommune {i}", new KommuneSettings { OwnHours = ownHours }))
            .ToList();
        var partnerships = Enumerable.Range(0, PartnershipCount).Select(Partnership).ToList();
        return new RotaSnapshot(kommuner, partnerships);
    }

    private static Partnership Partnership(int index)
    {
        var members = Enumerable.Range(0, MembersPerPartnership).Select(m => KodeOf(((index * 5) + m) % KommuneCount)).ToList();
        var start = new DateOnly(2025, 12, 29);
        var rotation = new Rotation(RotationKind.ByIsoWeek, start, members.Select(k => new RotationTurn(k, [AgentOf(k, 1), AgentOf(k, 2)])).ToList());
        var patterns = new List<ShiftPattern>
        {
            new() { Id = Guid.NewGuid(), Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], Start = new(15, 0), End = new(22, 0), ValidFrom = start, ValidTo = new DateOnly(2026, 12, 31), Rotation = rotation },
            new() { Id = Guid.NewGuid(), Days = [DayOfWeek.Friday], Start = new(15, 0), End = new(18, 0), ValidFrom = start, ValidTo = new DateOnly(2026, 12, 31), Rotation = rotation },
        };
        var random = new Random(index);
        var exceptions = Enumerable.Range(0, ExceptionsPerPartnership).Select(i =>
        {
            var date = new DateOnly(2026, 1, 1).AddDays(random.Next(365));
            var kode = members[random.Next(members.Count)];
            return (i % 3) switch
            {
                0 => new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Cancelled, Date = date, PatternId = patterns[0].Id },
                1 => new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.Swap, Date = date, FromAgentId = AgentOf(kode, 1), ToAgentId = AgentOf(kode, 3) },
                _ => new RotaException { Id = Guid.NewGuid(), Kind = RotaExceptionKind.ExtraSlot, Date = date, Start = new(10, 0), End = new(14, 0), ResponsibleKommune = kode, AgentIds = [AgentOf(kode, 1)] },
            };
        }).ToList();
        return new Partnership
        {
            Id = $"p{index}",
            Name = $"Partnership {index}",
            Members = members,
            Patterns = patterns,
            Exceptions = exceptions,
            ClosedDays = [new ClosedDay(12, 24, "Juleaften"), new ClosedDay(12, 31, "Nytårsaften"), new ClosedDay(6, 5, "Grundlovsdag", new TimeOnly(12, 0))],
        };
    }
}
