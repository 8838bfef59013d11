using SharedHotline.Domain.Rota;

namespace SharedHotline.Domain.Tenancy;

/// <summary>Per-kommune options: what differs between tenants.</summary>
public sealed record KommuneSettings
{
    public WeeklyHours OwnHours { get; init; } = WeeklyHours.None;

    /// <summary>True for a hotline that stays open on public holidays (København's 8-22 line).</summary>
    public bool OwnHoursOnPublicHolidays { get; init; }

    public IReadOnlyList<Topic> Topics { get; init; } = Topic.Standard;
    public IReadOnlyList<CannedAnswer> CannedAnswers { get; init; } = [];
    public IReadOnlyList<SelfServiceLink> SelfServiceLinks { get; init; } = [];
    public int RetentionDays { get; init; } = 90;
    public string Colour { get; init; } = "#1f5f8b";
    public IReadOnlyList<string> WebsiteOrigins { get; init; } = [];

    public Topic? FindTopic(string code) =>
        Topics.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));
}
