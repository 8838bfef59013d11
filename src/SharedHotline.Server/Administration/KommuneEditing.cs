using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Events;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Administration;

/// <summary>
/// Applies one change to a kommune's settings as the rota editor applies one to a rota: against the version named by
/// If-Match (428 without, 412 when stale; the stored Version is the database concurrency token, so two changes racing
/// past the check cannot both win), validated, stored with an audit entry per changed setting (before and after), then
/// published: this node drops its cached kommuner at once and every node does when <see cref="KommuneSettingsChanged"/>
/// reaches it (the periodic check of <see cref="RotaProvider.RefreshIfStaleAsync"/> catches a lost event).
/// </summary>
public sealed class KommuneEditing(HotlineDbContext db, RotaProvider rota, IPublishEndpoint bus, TimeProvider time, ILogger<KommuneEditing> logger)
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The settings compared for the audit, each under the name the page and the API give it.</summary>
    private static readonly (string Name, Func<KommuneSettings, object?> Part)[] Sections =
    [
        ("ownHours", s => new { s.OwnHours.Windows, s.OwnHoursOnPublicHolidays }),
        ("websiteOrigins", s => s.WebsiteOrigins),
        ("colour", s => s.Colour),
        ("topics", s => s.Topics),
        ("cannedAnswers", s => s.CannedAnswers),
        ("selfServiceLinks", s => s.SelfServiceLinks),
        ("retentionDays", s => s.RetentionDays),
        ("queueAtClosing", s => s.QueueAtClosing),
        ("sharedStaffInOwnHours", s => new { s.SharedStaffInOwnHours, s.SharedStaffInOwnHoursWait }),
        ("meetingTopics", s => s.MeetingTopics),
        ("partnershipHandlesMessages", s => s.PartnershipHandlesMessages),
        ("invitations", s => s.Invitations),
    ];

    /// <summary>
    /// Changes kommune <paramref name="kode"/>'s settings by <paramref name="change"/> (which adds field errors to its
    /// dictionary, or returns the new settings). Without <paramref name="requireIfMatch"/> a missing If-Match is a blind write.
    /// </summary>
    public async Task<(KommuneRecord? Saved, IResult? Problem)> ChangeAsync(
        int kode, HttpContext http, bool requireIfMatch, Func<KommuneSettings, Dictionary<string, string[]>, KommuneSettings?> change, CancellationToken ct)
    {
        var record = await db.Kommuner.FirstAsync(k => k.Kode == kode, ct);
        var expected = RotaETag.IfMatch(http.Request);
        if (expected is null && requireIfMatch)
        {
            return (null, PreconditionRequired());
        }

        if (expected is not null && !expected.Contains(record.Version))
        {
            return (null, PreconditionFailed(record.Version));
        }

        var errors = new Dictionary<string, string[]>();
        var next = change(record.Settings, errors);
        if (next is null || errors.Count > 0)
        {
            return (null, Problems.Validation(errors));
        }

        var before = record.Settings;
        var now = time.GetUtcNow();
        var changed = Sections.Where(s => Json(s.Part(before)) != Json(s.Part(next))).ToList();
        if (changed.Count == 0)
        {
            return (record, null);
        }

        record.Settings = next;
        record.Version++;
        foreach (var (name, part) in changed)
        {
            db.KommuneAudit.Add(Audit(kode, record.Version, http, now, "settings." + name, name, Json(part(before)), Json(part(next))));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("A settings change of kommune {Kommunekode} lost a race with another change", kode);
            var current = await db.Kommuner.AsNoTracking().Where(k => k.Kode == kode).Select(k => k.Version).FirstAsync(ct);
            return (null, PreconditionFailed(current));
        }

        logger.LogInformation("Settings of kommune {Kommunekode} changed to version {Version} by {StaffId}: {Changed}", kode, record.Version, http.User.StaffId(), string.Join(", ", changed.Select(c => c.Name)));
        await PublishAsync(kode, record.Version, http, now, ct);
        return (record, null);
    }

    /// <summary>Drops this node's cached kommuner and tells every node to drop theirs.</summary>
    public async Task PublishAsync(int kode, int version, HttpContext http, DateTimeOffset now, CancellationToken ct)
    {
        rota.Invalidate();
        await bus.Publish(new KommuneSettingsChanged(kode, version, http.User.StaffId(), now), ct);
    }

    public static KommuneAuditRecord Audit(int kode, int version, HttpContext http, DateTimeOffset now, string action, string target, string? before, string? after) => new()
    {
        Id = Guid.CreateVersion7(now),
        KommuneKode = kode,
        Version = version,
        ChangedBy = http.User.StaffId(),
        ChangedByName = http.User.Identity?.Name ?? "",
        At = now,
        Action = action,
        Target = target.Length > 128 ? target[..128] : target,
        Before = before,
        After = after,
    };

    public static string Json(object? value) => JsonSerializer.Serialize(value, AuditJson);

    public static IResult PreconditionRequired() =>
        Results.Problem(
            title: "If-Match required",
            detail: "Send the ETag of the settings you edited in an If-Match header (GET the settings to get it), so that nobody's change is overwritten unseen.",
            statusCode: StatusCodes.Status428PreconditionRequired,
            type: "https://sharedhotline.dk/problems/if-match-required",
            extensions: new Dictionary<string, object?> { ["code"] = "if_match_required" });

    public static IResult PreconditionFailed(int current) =>
        Results.Problem(
            title: "The settings changed meanwhile",
            detail: "Someone saved a change after you loaded the settings. Load them again, redo your change and send the new ETag.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            type: "https://sharedhotline.dk/problems/settings-changed",
            extensions: new Dictionary<string, object?> { ["code"] = "settings_changed", ["currentVersion"] = current });
}
