namespace SharedHotline.Infrastructure.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Hotline";

    public List<KommuneSeed> Kommuner { get; set; } = [];

    /// <summary>Seed the demo partnership, its rota and the demo staff accounts on first start.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>With the demo data, also eight weeks of finished chats, so the statistics show something on first start.</summary>
    public bool SeedDemoHistory { get; set; }

    /// <summary>Password of every seeded demo account.</summary>
    public string DemoPassword { get; set; } = "";
}
