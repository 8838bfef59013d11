using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Routing;
using SharedHotline.Server.Chats;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Tenancy;

public sealed record KommuneSummary(string Slug, string Name, int Kommunekode, string Colour, string OfficialName);

public sealed record TopicDto(string Code, string Name, string NameEn);

public sealed record HotlineStatus(
    KommuneRef Kommune,
    bool Open,
    OpeningModeDto Mode,
    KommuneRef? ResponsibleKommune,
    int QueueLength,
    int? EstimatedWaitSeconds,
    OpeningInfo? NextOpening,
    IReadOnlyList<TopicDto> Topics,
    string Staffing = HotlineStaffing.Closed,
    SharedFallbackDto? SharedFallback = null,
    string? ClosedFor = null);

/// <summary>
/// In the kommune's own hours, when the partnership's rostered staff answer too (after <see cref="AfterSeconds"/> of
/// waiting; 0 when all its own are busy): the page names them, so it never promises the kommune's own borgerservice alone.
/// </summary>
public sealed record SharedFallbackDto(KommuneRef ResponsibleKommune, int AfterSeconds);

/// <summary>
/// Who is there to answer now (<see cref="HotlineStatus.Staffing"/>), so the page never says "open" with nobody
/// signed in: <c>free</c> (someone who may answer this kommune has room for a chat: answered at once), <c>busy</c>
/// (they are signed in, all full: the estimate says how long), <c>unstaffed</c> (open, but nobody who may answer is
/// signed in yet: the chat waits and a telefonmøde is offered), <c>closed</c>.
/// </summary>
public static class HotlineStaffing
{
    public const string Free = "free";
    public const string Busy = "busy";
    public const string Unstaffed = "unstaffed";
    public const string Closed = "closed";
}

public sealed record OpeningWindowDto(DateTimeOffset Start, DateTimeOffset End, OpeningModeDto Mode, KommuneRef ResponsibleKommune);

/// <summary>The public, per-kommune HTTP API the widget and kommune websites use.</summary>
public static class KommunerApi
{
    public const int MaxOpeningHoursDays = 92;

    public static IEndpointRouteBuilder MapKommunerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/kommuner").WithTags("Kommuner").AllowAnonymous();
        api.MapGet("/", async (IKommuneStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.GetAllAsync(ct)).Select(k => new KommuneSummary(k.Slug, k.Name, k.Kode, k.Settings.Colour, k.OfficialName)).ToList()))
            .WithSummary("Every kommune on the hotline.");
        api.MapGet("/{kommune}/status", GetStatus).WithSummary("Is the hotline open now for this kommune's citizens, who answers, and how long is the wait.");
        api.MapGet("/{kommune}/opening-hours", GetOpeningHours).WithSummary("The effective opening windows between two local dates (inclusive).");
        return app;
    }

    private static async Task<Ok<HotlineStatus>> GetStatus(IKommuneContextAccessor tenant, RotaProvider rota, ILiveState live, HandleTimes handleTimes, TimeProvider time, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var snapshot = await rota.GetAsync(ct);
        var now = time.GetUtcNow();
        var instant = Instant.FromDateTimeOffset(now);
        var duty = snapshot.DutyAt(kommune.Kode, instant);
        var queue = await live.GetQueueAsync(ct);
        var agents = await live.GetAgentsAsync(ct);
        var waiting = queue.Count(q => q.KommuneKode == kommune.Kode);
        int? estimate = null;
        var staffing = HotlineStaffing.Closed;
        if (duty.IsOpen)
        {
            var probe = new QueuedChat(Guid.Empty, kommune.Kode, "", now);
            var statuses = QueueSnapshot.Compute([.. queue, probe], agents, snapshot, now, handleTimes.Average);
            estimate = statuses[Guid.Empty].EstimatedWaitSeconds;
            // An overflow partner answers only after the wait: it counts as someone there, not as someone free now.
            var eventually = probe with { EnqueuedAt = now - TimeSpan.FromDays(1) };
            var answering = agents.Where(a => a.Status != PresenceStatus.Offline && Router.IsEligible(a, eventually, duty, now)).ToList();
            staffing = answering.Count == 0 ? HotlineStaffing.Unstaffed
                : waiting == 0 && answering.Any(a => a.CanTakeChat && Router.IsEligible(a, probe, duty, now)) ? HotlineStaffing.Free
                : HotlineStaffing.Busy;
            if (staffing == HotlineStaffing.Free)
            {
                estimate = 0;
            }
            else if (staffing == HotlineStaffing.Unstaffed)
            {
                estimate = null;
            }
        }

        var next = snapshot.NextOpening(kommune.Kode, instant);
        var responsible = duty.ResponsibleKommune is { } r ? Ref(snapshot, r) : null;
        var fallback = duty.OwnHoursOpen && duty.SharedStaffAfter is { } after
            ? new SharedFallbackDto(Ref(snapshot, duty.Slots[0].ResponsibleKommune), (int)after.TotalSeconds)
            : null;
        return TypedResults.Ok(new HotlineStatus(
            new KommuneRef(kommune.Slug, kommune.Name, kommune.OfficialName),
            duty.IsOpen,
            OpeningText.ToDto(duty.Mode),
            responsible,
            waiting,
            estimate,
            next is null ? null : OpeningText.ToInfo(next, snapshot, instant),
            kommune.Settings.Topics.Select(t => new TopicDto(t.Code, t.Name, t.NameInEnglish)).ToList(),
            staffing,
            fallback,
            duty.IsOpen ? null : snapshot.ClosedDayName(kommune.Kode, instant)));
    }

    private static async Task<IResult> GetOpeningHours(string? from, string? to, IKommuneContextAccessor tenant, RotaProvider rota, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(Domain.Rota.RotaSnapshot.Copenhagen).Date.ToDateTimeUnspecified());
        var fromDate = ParseDate(from, "from", today, errors);
        var toDate = ParseDate(to, "to", fromDate.AddDays(6), errors);
        if (errors.Count == 0 && toDate < fromDate)
        {
            errors["to"] = ["'to' must be on or after 'from'."];
        }

        if (errors.Count == 0 && toDate.DayNumber - fromDate.DayNumber >= MaxOpeningHoursDays)
        {
            errors["to"] = [$"At most {MaxOpeningHoursDays} days can be asked for at once."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var snapshot = await rota.GetAsync(ct);
        var windows = snapshot.OpeningWindows(tenant.Current!.Kommune.Kode, fromDate, toDate)
            .Select(w => new OpeningWindowDto(w.Start.ToDateTimeOffset(), w.End.ToDateTimeOffset(), OpeningText.ToDto(w.Mode), Ref(snapshot, w.ResponsibleKommune)))
            .ToList();
        return TypedResults.Ok(windows);
    }

    private static DateOnly ParseDate(string? value, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        errors[field] = [$"'{(value.Length > 20 ? value[..20] : value)}' is not a date (YYYY-MM-DD) between 2000 and 2100."];
        return fallback;
    }

    private static KommuneRef Ref(Domain.Rota.RotaSnapshot snapshot, int kode) => snapshot.RefOf(kode);
}
