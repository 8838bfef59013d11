namespace SharedHotline.BrowserTests.Infrastructure;

/// <summary>Instants in Copenhagen local time and the demo rota's facts about them.</summary>
public static class Demo
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    /// <summary>Tuesday of ISO week 48, 2026, 20:30: Furesø's week on the shared rota, so Mia Søgaard answers Sorø.</summary>
    public static readonly DateTimeOffset TuesdayEvening = new(2026, 11, 24, 20, 30, 0, Winter);

    /// <summary>Friday 19:00: the shared slot ended at 18:00; the next opening is Monday 09:00 (own hours).</summary>
    public static readonly DateTimeOffset FridayEvening = new(2026, 11, 27, 19, 0, 0, Winter);

    /// <summary>Sunday 21:30: closed; the next free telefonmøde times are Monday from 09:00 in each kommune's own hours.</summary>
    public static readonly DateTimeOffset SundayLateEvening = new(2026, 11, 29, 21, 30, 0, Winter);

    public const string FuresoAgent = "mia.fureso";
    public const string Coordinator = "koordinator";
    public const string PartnershipId = "nordsjaelland-vestsjaelland";
    public static readonly Guid MonThuPatternId = new("5b0c3c52-0d7e-4d55-9a39-3f1e3c9f0a01");
}
