using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Server.Administration;

/// <summary>One opening window of the kommune's own hours: a weekday and local times "09:00"–"15:00".</summary>
public sealed record OwnHoursWindow(DayOfWeek? Day, string? From, string? To);

public sealed record TopicSetting(string? Code, string? Name, string? NameEn);

public sealed record CannedAnswerSetting(string? Title, string? Text);

public sealed record SelfServiceLinkSetting(string? Title, string? Url);

/// <summary>
/// The settings a kommune's admin edits on the Administration page, as read and as sent back whole (PUT with If-Match).
/// Telefonmøde topics and whether the partnership handles messages are edited on their own (<c>meeting-settings</c>).
/// </summary>
public sealed record KommuneSettingsDocument(
    IReadOnlyList<OwnHoursWindow>? OwnHours,
    bool OpenOnPublicHolidays,
    IReadOnlyList<string>? WebsiteOrigins,
    string? Colour,
    IReadOnlyList<TopicSetting>? Topics,
    IReadOnlyList<CannedAnswerSetting>? CannedAnswers,
    IReadOnlyList<SelfServiceLinkSetting>? SelfServiceLinks,
    int RetentionDays,
    QueueAtClosing QueueAtClosing,
    bool SharedStaffInOwnHours = true,
    int SharedStaffInOwnHoursWaitSeconds = 0)
{
    public static KommuneSettingsDocument From(KommuneSettings s) => new(
        s.OwnHours.Windows.OrderBy(w => ((int)w.Day + 6) % 7).ThenBy(w => w.Start)
            .Select(w => new OwnHoursWindow(w.Day, w.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), w.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ToList(),
        s.OwnHoursOnPublicHolidays,
        s.WebsiteOrigins,
        s.Colour,
        s.Topics.Select(t => new TopicSetting(t.Code, t.Name, t.NameInEnglish)).ToList(),
        s.CannedAnswers.Select(c => new CannedAnswerSetting(c.Title, c.Text)).ToList(),
        s.SelfServiceLinks.Select(l => new SelfServiceLinkSetting(l.Title, l.Url)).ToList(),
        s.RetentionDays,
        s.QueueAtClosing,
        s.SharedStaffInOwnHours,
        (int)s.SharedStaffInOwnHoursWait.TotalSeconds);
}

/// <summary>The settings with the kommune they belong to and their version (also the ETag).</summary>
public sealed record KommuneSettingsView(string Slug, string Name, int Version, KommuneSettingsDocument Settings);
