namespace SharedHotline.IntegrationTests.Infrastructure;

/// <summary>Instants in Copenhagen local time used by the scenarios, with the demo rota's facts about them.</summary>
public static class Demo
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    /// <summary>Tuesday of ISO week 48, 2026: Furesø's week on the shared rota.</summary>
    public static readonly DateTimeOffset TuesdayEvening = new(2026, 11, 24, 20, 30, 0, Winter);

    public static readonly DateTimeOffset WednesdayMorning = new(2026, 11, 25, 10, 0, 0, Winter);

    public static readonly DateTimeOffset FridayEvening = new(2026, 11, 27, 19, 0, 0, Winter);

    public static readonly DateTimeOffset SundayLateEvening = new(2026, 11, 29, 21, 30, 0, Winter);

    public static readonly DateTimeOffset NextMondayMorning = new(2026, 11, 30, 9, 0, 0, Winter);

    public const string FuresoAgent = "mia.fureso";
    public const string SecondFuresoAgent = "peter.fureso";
    public const string HolbaekAgent = "hanne.holbaek";
    public const string SoroeAgent = "bo.soroe";
    public const string KoebenhavnAgent = "ida.koebenhavn";
}
