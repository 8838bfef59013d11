using SharedHotline.Domain.Invitations;
using SharedHotline.Server.Administration;

namespace SharedHotline.Server.Invitations;

/// <summary>A page rule as the admin edits it: a path pattern, the topic of the chat, seconds on the page before inviting.</summary>
public sealed record InvitationPageSetting(string? Pattern, string? Topic, int DelaySeconds);

/// <summary>The invitation rules as the Administration page reads them and sends them back whole (PUT with If-Match).</summary>
public sealed record InvitationSettingsDocument(
    bool Enabled,
    IReadOnlyList<InvitationPageSetting>? Pages,
    bool OnFailedStep,
    string? Text,
    string? TextEn,
    IReadOnlyList<OwnHoursWindow>? Hours,
    int MaxWaitSeconds)
{
    public static InvitationSettingsDocument From(InvitationRules r) => new(
        r.Enabled,
        r.Pages.Select(p => new InvitationPageSetting(p.Pattern, p.Topic, p.DelaySeconds)).ToList(),
        r.OnFailedStep,
        r.Text,
        r.TextEn,
        KommuneSettingsDocument.From(new Domain.Tenancy.KommuneSettings { OwnHours = r.Hours }).OwnHours,
        r.MaxWaitSeconds);
}

/// <summary>The invitation rules with the kommune they belong to and the settings' version (also the ETag).</summary>
public sealed record InvitationSettingsView(string Slug, int Version, InvitationSettingsDocument Settings);
