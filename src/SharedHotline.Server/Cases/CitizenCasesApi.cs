using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Chats;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Security;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Cases;

/// <summary>
/// The citizen's end of a case: the topics and free times of telefonmøder, booking one or leaving a message, and the
/// private status link from which the case is followed, cancelled or moved. No sign-in: the link's secret is the key.
/// </summary>
public static partial class CitizenCasesApi
{
    public const int MaxNote = 1000;

    public static IEndpointRouteBuilder MapCitizenCasesApi(this IEndpointRouteBuilder app)
    {
        var kommune = app.MapGroup("/api/kommuner/{kommune}").WithTags("Telefonmøder").AllowAnonymous();
        kommune.MapGet("/meetings", Topics).WithSummary("The topics this kommune books telefonmøder for, with their length.");
        kommune.MapGet("/meetings/{topic}/free", FreeAsync).WithSummary("The free times of a topic's telefonmøder in the next 14 days.");
        kommune.MapPost("/cases", BookAsync).RequireRateLimiting(HttpRateLimits.Callbacks)
            .WithSummary("Book a telefonmøde (with start) or leave a message (without); answers with the reference and a private status link.");
        kommune.MapGet("/cases/{reference}", StatusAsync).WithSummary("The case as its citizen follows it (token from the status link).");
        kommune.MapGet("/cases/{reference}/meeting.ics", CalendarAsync).WithSummary("The telefonmøde as an iCalendar file.");
        kommune.MapPost("/cases/{reference}/cancel", CancelAsync).WithSummary("Cancel the telefonmøde or message while it may still be changed.");
        kommune.MapPost("/cases/{reference}/move", MoveAsync).WithSummary("Move the telefonmøde to another free time while it may still be changed.");
        return app;
    }

    private static Ok<List<MeetingTopicView>> Topics(IKommuneContextAccessor tenant)
    {
        var settings = tenant.Current!.Kommune.Settings;
        return TypedResults.Ok(settings.MeetingTopics.Select(m => new MeetingTopicView(m.Code, settings.FindTopic(m.Code)?.Name ?? m.Code, settings.FindTopic(m.Code)?.NameInEnglish ?? m.Code, m.Minutes)).ToList());
    }

    private static async Task<Results<Ok<List<FreeTimeView>>, ProblemHttpResult>> FreeAsync(string topic, IKommuneContextAccessor tenant, MeetingBooking booking, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        if (kommune.Settings.FindMeetingTopic(topic) is not { } meeting)
        {
            return TypedResults.Problem(title: "Unknown topic", detail: $"{kommune.Name} Kommune books no telefonmøder about that topic.", statusCode: 404, extensions: new Dictionary<string, object?> { ["code"] = HotlineException.ToWire(HotlineErrorCode.TopicNotFound) });
        }

        var free = await booking.FreeAsync(kommune, meeting, null, ct);
        return TypedResults.Ok(free.Select(t => new FreeTimeView(t.Start.ToDateTimeOffset(), t.End.ToDateTimeOffset())).ToList());
    }

    private static async Task<Results<Created<CaseReceipt>, ValidationProblem, ProblemHttpResult>> BookAsync(
        CaseRequest request, HttpContext http, IKommuneContextAccessor tenant, HotlineDbContext db, MeetingBooking booking, TimeProvider time, ILogger<CaseRequest> logger, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var errors = Validate(request, kommune, out var phone, out var meeting);
        if (errors.Count > 0)
        {
            return Problems.TypedValidation(errors);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var reference = ChatReferences.New(kommune);
        var token = CaseStatusTokens.New();
        var kind = request.Start is null ? CaseKind.Message : CaseKind.Meeting;
        var received = Case.Receive(id, reference, kommune.Kode, kind, meeting?.Code ?? request.Topic!, request.Start?.ToUniversalTime(), now);
        var record = new CaseRecord
        {
            Id = id,
            Reference = reference,
            KommuneKode = kommune.Kode,
            Kind = kind,
            Topic = received.Topic.ToLowerInvariant(),
            Name = TextFields.Neutral(request.Name),
            Phone = phone,
            Message = TextFields.Neutral(request.Note),
            CreatedAt = now,
            MeetingMinutes = meeting?.Minutes ?? 0,
            StatusTokenHash = CaseStatusTokens.Hash(token),
        };
        record.Apply(received);
        CaseEvents.Stage(db, received);
        record.Version = 0;
        try
        {
            if (meeting is not null)
            {
                await booking.RequireFreeAsync(kommune, meeting, request.Start!.Value, null, ct);
                db.Cases.Add(record);
                await booking.SaveWithPlaceAsync(record, kommune, meeting, isNew: true, ct);
            }
            else
            {
                db.Cases.Add(record);
                await db.SaveChangesAsync(ct);
            }
        }
        catch (HotlineException ex) when (ex.Code == HotlineErrorCode.InvalidArgument)
        {
            return Problems.TypedValidation(new Dictionary<string, string[]> { ["start"] = ["Choose one of the offered free times."] });
        }
        catch (HotlineException ex)
        {
            return Problems.From(ex);
        }
        logger.LogInformation("Case {CaseId} ({CaseKind}) left for {Kommune} on {Topic}", id, kind, kommune.Slug, record.Topic);
        var statusUrl = new Uri($"{Origin(http)}/{kommune.Slug}/sag/{reference}?t={token}");
        var calendarUrl = kind == CaseKind.Meeting ? new Uri($"{Origin(http)}/api/kommuner/{kommune.Slug}/cases/{reference}/meeting.ics?t={token}") : null;
        var topicName = kommune.Settings.FindTopic(record.Topic)?.Name ?? record.Topic;
        var text = kind == CaseKind.Meeting
            ? $"Tak. Dit telefonmøde om {topicName} er booket {CaseTexts.When(record.MeetingStart!.Value)}. {kommune.OfficialName} ringer dig op. Din reference er {reference}."
            : $"Tak. Vi har modtaget din besked om {topicName}. Din reference er {reference}.";
        return TypedResults.Created(statusUrl, new CaseReceipt(reference, kommune.Slug, record.Topic, now, record.MeetingStart, statusUrl, calendarUrl, text));
    }

    private static async Task<Results<Ok<CaseStatusView>, ProblemHttpResult>> StatusAsync(string reference, string? t, IKommuneContextAccessor tenant, HotlineDbContext db, TimeProvider time, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var record = await FindAsync(db, kommune, reference, t, ct);
        return record is null ? NotFound() : TypedResults.Ok(Status(record, kommune, time.GetUtcNow()));
    }

    private static async Task<IResult> CalendarAsync(string reference, string? t, IKommuneContextAccessor tenant, HotlineDbContext db, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var record = await FindAsync(db, kommune, reference, t, ct);
        if (record is not { Kind: CaseKind.Meeting, MeetingStart: not null })
        {
            return NotFound();
        }

        return Results.File(System.Text.Encoding.UTF8.GetBytes(CaseTexts.Calendar(record, kommune)), "text/calendar; charset=utf-8", $"telefonmoede-{record.Reference}.ics");
    }

    private static async Task<Results<Ok<CaseStatusView>, ProblemHttpResult>> CancelAsync(string reference, string? t, IKommuneContextAccessor tenant, HotlineDbContext db, TimeProvider time, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var record = await FindAsync(db, kommune, reference, t, ct, track: true);
        if (record is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        try
        {
            var changed = record.ToCase();
            changed.Cancel(now);
            record.Apply(changed);
            CaseEvents.Stage(db, changed);
            await db.MeetingPlaces.Where(p => p.CaseId == record.Id).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
        }
        catch (HotlineException ex)
        {
            return Problems.From(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.From(new HotlineException(HotlineErrorCode.CaseConflict, "The case was changed meanwhile; reload it."));
        }

        return TypedResults.Ok(Status(record, kommune, now));
    }

    private static async Task<Results<Ok<CaseStatusView>, ProblemHttpResult, ValidationProblem>> MoveAsync(
        string reference, string? t, MoveRequest request, IKommuneContextAccessor tenant, HotlineDbContext db, MeetingBooking booking, TimeProvider time, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var record = await FindAsync(db, kommune, reference, t, ct, track: true);
        if (record is null)
        {
            return NotFound();
        }

        if (request.Start is not { } start || kommune.Settings.FindMeetingTopic(record.Topic) is not { } meeting)
        {
            return Problems.TypedValidation(new Dictionary<string, string[]> { ["start"] = ["Choose one of the free times."] });
        }

        var now = time.GetUtcNow();
        try
        {
            await booking.RequireFreeAsync(kommune, meeting, start, record.Id, ct);
            var changed = record.ToCase();
            changed.Move(start.ToUniversalTime(), now);
            record.Apply(changed);
            CaseEvents.Stage(db, changed);
            await booking.SaveWithPlaceAsync(record, kommune, meeting, isNew: false, ct);
        }
        catch (HotlineException ex) when (ex.Code == HotlineErrorCode.InvalidArgument)
        {
            return Problems.TypedValidation(new Dictionary<string, string[]> { ["start"] = ["Choose one of the offered free times."] });
        }
        catch (HotlineException ex)
        {
            return Problems.From(ex);
        }

        return TypedResults.Ok(Status(record, kommune, now));
    }

    public static CaseStatusView Status(CaseRecord c, Kommune kommune, DateTimeOffset now) => new(
        c.Reference, kommune.Slug, kommune.Name, c.Kind == CaseKind.Meeting ? "meeting" : "message", c.Topic, kommune.Settings.FindTopic(c.Topic)?.Name ?? c.Topic,
        CaseWords.Wire(c.State), c.MeetingStart, c.MeetingMinutes, c.ToCase().IsChangeable(now), CaseWords.Steps(c.Steps));

    private static async Task<CaseRecord?> FindAsync(HotlineDbContext db, Kommune kommune, string reference, string? token, CancellationToken ct, bool track = false)
    {
        if (reference.Length > 32)
        {
            return null;
        }

        var upper = reference.ToUpperInvariant();
        var query = track ? db.Cases : db.Cases.AsNoTracking();
        var record = await query.FirstOrDefaultAsync(c => c.Reference == upper && c.KommuneKode == kommune.Kode, ct);
        return record is not null && CaseStatusTokens.Matches(token, record.StatusTokenHash) ? record : null;
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "Unknown case", detail: "No case has this reference and link. Check the link in your receipt.", statusCode: 404,
            extensions: new Dictionary<string, object?> { ["code"] = HotlineException.ToWire(HotlineErrorCode.CaseNotFound) });

    private static Dictionary<string, string[]> Validate(CaseRequest request, Kommune kommune, out string? phone, out MeetingTopic? meeting)
    {
        var errors = new Dictionary<string, string[]>();
        meeting = null;
        if (request.Start is not null)
        {
            meeting = kommune.Settings.FindMeetingTopic(request.Topic ?? "");
            if (meeting is null)
            {
                errors["topic"] = [$"Choose one of: {string.Join(", ", kommune.Settings.MeetingTopics.Select(t => t.Code))}."];
            }
        }
        else if (kommune.Settings.FindTopic(request.Topic ?? "") is null)
        {
            errors["topic"] = [$"Choose one of: {string.Join(", ", kommune.Settings.Topics.Select(t => t.Code))}."];
        }

        phone = request.Phone?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(phone))
        {
            if (request.Start is not null)
            {
                errors["phone"] = ["Give the phone number we should call."];
            }
            else if (string.IsNullOrWhiteSpace(request.Note))
            {
                errors["note"] = ["Write your message, or give a phone number."];
            }

            phone = null;
        }
        else if (!PhoneNumber().IsMatch(phone))
        {
            errors["phone"] = ["A Danish phone number has 8 digits, optionally after +45."];
        }

        TextFields.Check(errors, "name", request.Name, 100, multiline: false);
        TextFields.Check(errors, "note", request.Note, request.Start is null ? 4000 : MaxNote, multiline: true);
        return errors;
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    [GeneratedRegex(@"^(\+45)?\d{8}$")]
    private static partial Regex PhoneNumber();
}
