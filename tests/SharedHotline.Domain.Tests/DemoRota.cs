using NodaTime;
using NodaTime.TimeZones;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Routing;
using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Domain.Tests;

/// <summary>
/// The demo partnership as test data: five kommuner sharing evening slots by ISO-week rotation,
/// København as the 08-22 overflow hotline, and the Danish closed days.
/// </summary>
internal static class DemoRota
{
    public const string PartnershipId = "demo";

    public const int Fredensborg = 210;
    public const int Frederikssund = 250;
    public const int Furesø = 190;
    public const int Holbæk = 316;
    public const int Sorø = 340;
    public const int København = 101;

    /// <summary>The weekly rotation order; the week of <see cref="Anchor"/> is Fredensborg's.</summary>
    public static IReadOnlyList<int> RotationOrder { get; } = [Fredensborg, Frederikssund, Furesø, Holbæk, Sorø];

    /// <summary>Monday 29 December 2025, the first day of ISO week 2026-W01.</summary>
    public static DateOnly Anchor { get; } = new(2025, 12, 29);

    public static Guid MonThuPatternId { get; } = new("00000000-0000-0000-0000-00000000a001");
    public static Guid FridayPatternId { get; } = new("00000000-0000-0000-0000-00000000a005");

    public static TimeSpan OverflowAfter { get; } = TimeSpan.FromMinutes(5);

    public static DateTimeZone Zone => RotaSnapshot.Copenhagen;

    /// <summary>A deterministic agent id: kommune kode in the first group, agent number in the last.</summary>
    public static Guid Agent(int kode, int number) => new($"{kode:D8}-0000-0000-0000-{number:D12}");

    /// <summary>Each kommune has two agents; a rotation turn names both.</summary>
    public static IReadOnlyList<Guid> AgentsOf(int kode) => [Agent(kode, 1), Agent(kode, 2)];

    public static int ResponsibleInWeek(int weeksAfterAnchor) => RotationOrder[weeksAfterAnchor % RotationOrder.Count];

    public static Rotation WeeklyRotation() =>
        new(RotationKind.ByIsoWeek, Anchor, RotationOrder.Select(k => new RotationTurn(k, AgentsOf(k))).ToList());

    public static IReadOnlyList<ShiftPattern> Patterns() =>
    [
        new ShiftPattern
        {
            Id = MonThuPatternId,
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
            Start = new TimeOnly(15, 0),
            End = new TimeOnly(22, 0),
            ValidFrom = Anchor,
            Rotation = WeeklyRotation(),
        },
        new ShiftPattern
        {
            Id = FridayPatternId,
            Days = [DayOfWeek.Friday],
            Start = new TimeOnly(15, 0),
            End = new TimeOnly(18, 0),
            ValidFrom = Anchor,
            Rotation = WeeklyRotation(),
        },
    ];

    public static IReadOnlyList<ClosedDay> ClosedDays() =>
    [
        new ClosedDay(12, 24, "Juleaften"),
        new ClosedDay(12, 31, "Nytårsaften"),
        new ClosedDay(6, 5, "Grundlovsdag", new TimeOnly(12, 0)),
    ];

    public static Partnership Partnership(params RotaException[] exceptions) => new()
    {
        Id = PartnershipId,
        Name = "Demo-hotline",
        Members = [.. RotationOrder],
        Patterns = Patterns(),
        Exceptions = exceptions,
        ClosedDays = ClosedDays(),
        Overflow = new OverflowRule(København, OverflowAfter),
    };

    public static IReadOnlyList<Kommune> Kommuner()
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var ownHours = WeeklyHours.Create(weekdays, new TimeOnly(9, 0), new TimeOnly(15, 0))
            .With(DayOfWeek.Thursday, new TimeOnly(9, 0), new TimeOnly(17, 0));
        var standard = new KommuneSettings { OwnHours = ownHours };
        var københavn = new KommuneSettings
        {
            OwnHours = WeeklyHours.Create(Enum.GetValues<DayOfWeek>(), new TimeOnly(8, 0), new TimeOnly(22, 0)),
            OwnHoursOnPublicHolidays = true,
        };
        return
        [
            new Kommune(Fredensborg, "fredensborg", "Fredensborg Kommune", standard),
            new Kommune(Frederikssund, "frederikssund", "Frederikssund Kommune", standard),
            new Kommune(Furesø, "fureso", "Furesø Kommune", standard),
            new Kommune(Holbæk, "holbaek", "Holbæk Kommune", standard),
            new Kommune(Sorø, "soro", "Sorø Kommune", standard),
            new Kommune(København, "kobenhavn", "Københavns Kommune", københavn),
        ];
    }

    public static RotaSnapshot Snapshot(params RotaException[] exceptions) => new(Kommuner(), [Partnership(exceptions)]);

    public static RotaSnapshot Snapshot(Partnership partnership) => new(Kommuner(), [partnership]);

    /// <summary>A local Copenhagen wall-clock time resolved the way the rota resolves it (lenient).</summary>
    public static ZonedDateTime LocalZoned(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZone(Zone, Resolvers.LenientResolver);

    public static Instant Local(int year, int month, int day, int hour, int minute = 0) =>
        LocalZoned(year, month, day, hour, minute).ToInstant();

    public static DateTimeOffset LocalOffset(int year, int month, int day, int hour, int minute = 0) =>
        LocalZoned(year, month, day, hour, minute).ToDateTimeOffset();

    public static IReadOnlyList<ShiftSlot> SlotsOn(Partnership partnership, DateOnly date)
    {
        var slots = new List<ShiftSlot>();
        RotaCalendar.AddSlotsOn(partnership, date, Zone, slots);
        return slots;
    }

    public static AgentPresence Presence(
        Guid agentId,
        int homeKommune,
        int activeChats = 0,
        int capacity = 3,
        DateTimeOffset? lastFreedAt = null,
        PresenceStatus status = PresenceStatus.Available,
        params string[] skills) =>
        new(agentId, homeKommune, status, capacity, skills, activeChats, lastFreedAt ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static QueuedChat Chat(int kode, DateTimeOffset enqueuedAt, string topic = "pas", bool priority = false, int number = 1) =>
        new(new Guid($"c0000000-0000-0000-0000-{number:D12}"), kode, topic, enqueuedAt, priority);
}
