using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Administration;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Staff;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Cases;

public sealed record MeetingTopicSetting(string Code, string Name, bool Booked, int Minutes, IReadOnlyList<string> TakenBy);

public sealed record MeetingSettingsView(bool PartnershipHandlesMessages, IReadOnlyList<MeetingTopicSetting> Topics);

public sealed record MeetingTopicChange(string? Code, int Minutes);

public sealed record MeetingSettingsChange(bool PartnershipHandlesMessages, IReadOnlyList<MeetingTopicChange>? Topics);

/// <summary>
/// K's admin sets which topics citizens book telefonmøder for and how long they are, and whether the partnership's
/// rostered evening staff handle K's messages. Who takes a topic's meetings is K's agents with the topic as a skill.
/// </summary>
public static class MeetingSettingsApi
{
    public static IEndpointRouteBuilder MapMeetingSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kommuner/{kommune}/meeting-settings").WithTags("Telefonmøder").RequireAuthorization(StaffPolicies.KommuneAdmin);
        group.MapGet("", GetAsync).WithSummary("This kommune's telefonmøde topics, lengths and the staff who take them (this kommune's admin).");
        group.MapPut("", PutAsync).ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).WithSummary("Set this kommune's telefonmøde topics and lengths, and whether the partnership handles its messages (this kommune's admin).");
        return app;
    }

    private static async Task<Ok<MeetingSettingsView>> GetAsync(IKommuneContextAccessor tenant, HotlineDbContext db, HttpContext http, CancellationToken ct)
    {
        var version = await db.Kommuner.AsNoTracking().Where(k => k.Kode == tenant.Current!.Kommune.Kode).Select(k => k.Version).FirstAsync(ct);
        RotaETag.Set(http.Response, version);
        return TypedResults.Ok(await ViewAsync(tenant, db, ct));
    }

    /// <summary>An If-Match is honoured (412 when stale) but not required here, as before settings had versions.</summary>
    private static async Task<IResult> PutAsync(
        MeetingSettingsChange change, IKommuneContextAccessor tenant, HotlineDbContext db, KommuneEditing editing, HttpContext http, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var (saved, problem) = await editing.ChangeAsync(kommune.Kode, http, requireIfMatch: false, (current, errors) => Apply(current, change, errors), ct);
        if (problem is not null)
        {
            return problem;
        }

        tenant.Current = tenant.Current with { Kommune = saved!.ToDomain() };
        RotaETag.Set(http.Response, saved.Version);
        return TypedResults.Ok(await ViewAsync(tenant, db, ct));
    }

    private static KommuneSettings? Apply(KommuneSettings settings, MeetingSettingsChange change, Dictionary<string, string[]> errors)
    {
        if (change.Topics is not { } topics)
        {
            errors["topics"] = ["Give the list of topics booked (it may be empty)."];
            return null;
        }

        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            if (settings.FindTopic(topic.Code ?? "") is null)
            {
                errors[$"topics[{i}].code"] = [$"Choose one of: {string.Join(", ", settings.Topics.Select(t => t.Code))}."];
            }
            else if (topics.Take(i).Any(t => string.Equals(t.Code, topic.Code, StringComparison.OrdinalIgnoreCase)))
            {
                errors[$"topics[{i}].code"] = ["Each topic once."];
            }

            if (topic.Minutes is < MeetingTopic.MinMinutes or > MeetingTopic.MaxMinutes)
            {
                errors[$"topics[{i}].minutes"] = [$"A telefonmøde lasts {MeetingTopic.MinMinutes} to {MeetingTopic.MaxMinutes} minutes."];
            }
        }

        return errors.Count > 0 ? null : settings with
        {
            PartnershipHandlesMessages = change.PartnershipHandlesMessages,
            MeetingTopics = topics.Select(t => new MeetingTopic(t.Code!.ToLowerInvariant(), t.Minutes, settings.FindMeetingTopic(t.Code!)?.Hours)).ToList(),
        };
    }

    private static async Task<MeetingSettingsView> ViewAsync(IKommuneContextAccessor tenant, HotlineDbContext db, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var staff = await db.Staff.AsNoTracking().Where(s => s.HomeKommune == kommune.Kode && !s.Disabled).ToListAsync(ct);
        var agents = staff.Where(s => s.Roles.Contains(StaffRoles.Agent)).ToList();
        return new MeetingSettingsView(
            kommune.Settings.PartnershipHandlesMessages,
            kommune.Settings.Topics.Select(t =>
            {
                var meeting = kommune.Settings.FindMeetingTopic(t.Code);
                var takers = agents.Where(a => a.Skills.Contains(t.Code, StringComparer.OrdinalIgnoreCase)).Select(a => a.DisplayName).Order().ToList();
                return new MeetingTopicSetting(t.Code, t.Name, meeting is not null, meeting?.Minutes ?? 15, takers);
            }).ToList());
    }
}
