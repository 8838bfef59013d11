using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Privacy;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Cases;

/// <summary>
/// The staff's end of a case ("Opgaver"): the open telefonmøder and messages of the agent's own kommune, and of a
/// kommune that lets the partnership's rostered staff handle its messages while she is on duty for it. Taking a
/// case is one database decision (its version), so two staff on two nodes never both hold it.
/// </summary>
public static class StaffTasksApi
{
    public static IEndpointRouteBuilder MapStaffTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Telefonmøder").RequireAuthorization(StaffPolicies.Agent);
        tasks.MapGet("/", ListAsync).WithSummary("Open telefonmøder (from today, by time) and messages the signed-in agent may handle.");
        tasks.MapPost("/{caseId:guid}/take", (Guid caseId, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
            work.ChangeAsync(caseId, user, (c, now) => c.Take(user.StaffId(), user.Identity?.Name ?? "", now), ct)).WithSummary("Take the case: nobody else can while you hold it.");
        tasks.MapPost("/{caseId:guid}/call", (Guid caseId, CallOutcomeRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
            work.ChangeAsync(caseId, user, (c, now) => c.RecordCall(user.StaffId(), request.Reached, now), ct)).WithSummary("Record a call: reached, or not reached (try again later).");
        tasks.MapPost("/{caseId:guid}/move", (Guid caseId, MoveRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
            work.MoveAsync(caseId, user, request.Start, ct)).WithSummary("Move the telefonmøde you hold to another free time agreed with the citizen.");
        tasks.MapPost("/{caseId:guid}/close", (Guid caseId, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
            work.ChangeAsync(caseId, user, (c, now) => c.Close(user.StaffId(), now), ct)).WithSummary("Close the case.");
        tasks.MapPut("/{caseId:guid}/note", (Guid caseId, StaffNoteRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
            work.NoteAsync(caseId, user, request.Note, ct)).WithSummary("Write the internal note of a case (never shown to the citizen).");
        return app;
    }

    private static async Task<Ok<List<TaskView>>> ListAsync(ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
        TypedResults.Ok(await work.ListAsync(user, ct));
}

/// <summary>Loads, authorises and changes cases for staff; a concurrent change is refused with <c>case_conflict</c>.</summary>
public sealed class CaseWork(HotlineDbContext db, RotaProvider rota, MeetingBooking booking, TimeProvider time)
{
    public async Task<List<TaskView>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var kommuner = Handled(user, snapshot).ToList();
        var codes = kommuner.Select(k => k.Kommune.Kode).ToList();
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(RotaSnapshot.Copenhagen).Date.AtStartOfDayInZone(RotaSnapshot.Copenhagen).ToDateTimeOffset();
        var open = await db.Cases.AsNoTracking()
            .Where(c => codes.Contains(c.KommuneKode) && c.State != CaseState.Closed && c.State != CaseState.Cancelled)
            .ToListAsync(ct);
        return open
            .Where(c => kommuner.Any(k => k.Kommune.Kode == c.KommuneKode && (k.All || c.Kind == CaseKind.Message)))
            .Where(c => c.Kind == CaseKind.Message || c.MeetingStart >= today)
            .OrderBy(c => c.MeetingStart ?? c.CreatedAt)
            .Select(c => View(c, snapshot.FindKommune(c.KommuneKode)!))
            .ToList();
    }

    public async Task<Results<Ok<TaskView>, ProblemHttpResult>> ChangeAsync(Guid caseId, ClaimsPrincipal user, Action<Case, DateTimeOffset> change, CancellationToken ct)
    {
        var (record, kommune) = await FindAsync(caseId, user, ct);
        if (record is null)
        {
            return NotFound();
        }

        try
        {
            var changed = record.ToCase();
            change(changed, time.GetUtcNow());
            record.Apply(changed, changed.TakenBy == user.StaffId() ? user.Identity?.Name : null);
            CaseEvents.Stage(db, changed);
            await db.SaveChangesAsync(ct);
        }
        catch (HotlineException ex)
        {
            return Problems.From(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.From(new HotlineException(HotlineErrorCode.CaseConflict, "A colleague changed this case meanwhile; reload it and decide again."));
        }

        return TypedResults.Ok(View(record, kommune!));
    }

    /// <summary>Moves a held meeting to a free time of its topic; the place at the new time is taken in the same step as the old one is given up.</summary>
    public async Task<Results<Ok<TaskView>, ProblemHttpResult, ValidationProblem>> MoveAsync(Guid caseId, ClaimsPrincipal user, DateTimeOffset? start, CancellationToken ct)
    {
        var (record, kommune) = await FindAsync(caseId, user, ct);
        if (record is null)
        {
            return NotFound();
        }

        if (start is not { } at || kommune!.Settings.FindMeetingTopic(record.Topic) is not { } meeting)
        {
            return Problems.TypedValidation(new Dictionary<string, string[]> { ["start"] = ["Choose one of the topic's free times."] });
        }

        try
        {
            await booking.RequireFreeAsync(kommune, meeting, at, record.Id, ct);
            var changed = record.ToCase();
            changed.Reschedule(user.StaffId(), at.ToUniversalTime(), time.GetUtcNow());
            record.Apply(changed, user.Identity?.Name);
            CaseEvents.Stage(db, changed);
            await booking.SaveWithPlaceAsync(record, kommune, meeting, isNew: false, ct);
        }
        catch (HotlineException ex) when (ex.Code == HotlineErrorCode.InvalidArgument)
        {
            return Problems.TypedValidation(new Dictionary<string, string[]> { ["start"] = ["Choose one of the topic's free times."] });
        }
        catch (HotlineException ex)
        {
            return Problems.From(ex);
        }

        return TypedResults.Ok(View(record, kommune));
    }

    public async Task<Results<Ok<TaskView>, ProblemHttpResult, ValidationProblem>> NoteAsync(Guid caseId, ClaimsPrincipal user, string? note, CancellationToken ct)
    {
        if (note is { Length: > 4000 } || (note is not null && TypedText.Problem(note, multiline: true) is not null))
        {
            return Problems.TypedValidation(new Dictionary<string, string[]> { ["note"] = ["At most 4000 characters of text."] });
        }

        var (record, kommune) = await FindAsync(caseId, user, ct);
        if (record is null)
        {
            return NotFound();
        }

        record.StaffNote = string.IsNullOrWhiteSpace(note) ? null : TypedText.Neutralise(note).Trim();
        record.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.From(new HotlineException(HotlineErrorCode.CaseConflict, "A colleague changed this case meanwhile; reload it and decide again."));
        }

        return TypedResults.Ok(View(record, kommune!));
    }

    private async Task<(CaseRecord? Record, Kommune? Kommune)> FindAsync(Guid caseId, ClaimsPrincipal user, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (record is null)
        {
            return (null, null);
        }

        foreach (var (kommune, all) in Handled(user, snapshot))
        {
            if (kommune.Kode == record.KommuneKode && (all || record.Kind == CaseKind.Message))
            {
                return (record, kommune);
            }
        }

        return (null, null);
    }

    /// <summary>The kommuner whose cases the agent handles: all of her own kommune's; the messages of kommuner that opted in while she is rostered for them.</summary>
    private IEnumerable<(Kommune Kommune, bool All)> Handled(ClaimsPrincipal user, RotaSnapshot snapshot)
    {
        var home = user.HomeKommune();
        var me = user.StaffId();
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        foreach (var kommune in snapshot.Kommuner)
        {
            if (kommune.Kode == home)
            {
                yield return (kommune, true);
            }
            else if (kommune.Settings.PartnershipHandlesMessages && snapshot.DutyAt(kommune.Kode, now).RosteredAgents.Contains(me))
            {
                yield return (kommune, false);
            }
        }
    }

    private static TaskView View(CaseRecord c, Kommune kommune) => new(
        c.Id, c.Reference, kommune.Slug, c.Kind == CaseKind.Meeting ? "meeting" : "message", c.Topic, kommune.Settings.FindTopic(c.Topic)?.Name ?? c.Topic,
        CaseWords.Wire(c.State), c.MeetingStart, c.MeetingMinutes, c.Name, c.Phone, c.Message ?? c.PreferredTime,
        CprNumbers.Contains(c.Message) || CprNumbers.Contains(c.Name), c.TakenBy, c.TakenByName, c.StaffNote, c.CreatedAt, CaseWords.Steps(c.Steps));

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "Unknown case", detail: "You have no task with this id.", statusCode: 404,
            extensions: new Dictionary<string, object?> { ["code"] = HotlineException.ToWire(HotlineErrorCode.CaseNotFound) });
}
