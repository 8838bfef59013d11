using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Statistics;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Statistics;

/// <summary>
/// The statistics for coordinators (their partnership: every member, the settlement, the staffing check) and kommune
/// admins (their own kommune); agents see none. Periods are whole Copenhagen days (<c>from</c>, <c>to</c> as
/// yyyy-MM-dd, at most 400 days; default the last 28). JSON, and CSV for Danish Excel.
/// </summary>
public static class StatisticsApi
{
    private const int MaxDays = 400;

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("Statistik").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/scope", ScopeAsync).WithSummary("The partnerships and kommuner the signed-in user may see statistics for.");
        group.MapGet("/partnerships/{partnershipId}", PartnershipAsync).WithSummary("Every member kommune's figures and the settlement for a period.");
        group.MapGet("/partnerships/{partnershipId}/settlement.csv", SettlementCsvAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv").WithSummary("The settlement as CSV for Danish Excel.");
        group.MapGet("/partnerships/{partnershipId}/staffing", StaffingAsync).WithSummary("Each rota slot of the period against the forecast need: under-, well- or over-staffed.");
        group.MapGet("/kommuner/{kommune}", KommuneAsync).WithSummary("One kommune's figures for a period: total, per day, per hour of the week, topics, waits.");
        group.MapGet("/kommuner/{kommune}/days.csv", KommuneCsvAsync).Produces(StatusCodes.Status200OK, contentType: "text/csv").WithSummary("One kommune's figures per day as CSV for Danish Excel.");
        group.MapPost("/rebuild", RebuildAsync).RequireAuthorization(StaffPolicies.Admin).WithSummary("Recompute every bucket from the stored chats and cases.");
        return app;
    }

    /// <summary>
    /// What the statistics page offers the user: the partnerships they coordinate (with their members and threshold) and
    /// every kommune whose own figures they may read (their home kommune as its admin, and the partnerships' members).
    /// A user who may read none (an agent) is refused.
    /// </summary>
    private static async Task<Results<Ok<StatisticsScope>, ProblemHttpResult>> ScopeAsync(ClaimsPrincipal user, RotaProvider rota, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        ScopeKommune? Ref(int kode) => snapshot.FindKommune(kode) is { } k ? new ScopeKommune(k.Kode, k.Slug, k.Name) : null;
        var partnerships = snapshot.Partnerships
            .Where(p => user.HasClaim(StaffClaims.Partnership, p.Id))
            .Select(p => new ScopePartnership(p.Id, p.Name, p.ServiceLevelSeconds, p.ServiceLevelTarget, p.Members.Select(Ref).OfType<ScopeKommune>().ToList()))
            .ToList();
        var own = user.IsInRole(StaffRoles.Admin) && Ref(user.HomeKommune()) is { } home ? [home] : Array.Empty<ScopeKommune>();
        var kommuner = own.Concat(partnerships.SelectMany(p => p.Members)).DistinctBy(k => k.Kode).ToList();
        if (kommuner.Count == 0 && !user.IsInRole(StaffRoles.Coordinator))
        {
            return Problems.From(new HotlineException(HotlineErrorCode.NotAuthorized, "Only coordinators and kommune admins see statistics."));
        }

        return TypedResults.Ok(new StatisticsScope(partnerships, kommuner));
    }

    private static async Task<Results<Ok<PartnershipStatistics>, ProblemHttpResult, ValidationProblem>> PartnershipAsync(
        string partnershipId, string? from, string? to, ClaimsPrincipal user, RotaProvider rota, StatisticsReports reports, TimeProvider time, CancellationToken ct)
    {
        if (Period(from, to, time) is not { } period)
        {
            return PeriodProblem();
        }

        if (await PartnershipOfAsync(partnershipId, user, rota, ct) is not { } partnership)
        {
            return Refused(partnershipId);
        }

        var report = await reports.KommunerAsync(partnership.Members, period, partnership.ServiceLevelSeconds, ct);
        var settlement = await reports.SettlementAsync(partnership, period, ct);
        return TypedResults.Ok(new PartnershipStatistics(partnership.Id, partnership.Name, report, settlement));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> SettlementCsvAsync(
        string partnershipId, string? from, string? to, ClaimsPrincipal user, RotaProvider rota, StatisticsReports reports, TimeProvider time, CancellationToken ct)
    {
        if (Period(from, to, time) is not { } period)
        {
            return PeriodProblem();
        }

        if (await PartnershipOfAsync(partnershipId, user, rota, ct) is not { } partnership)
        {
            return Refused(partnershipId);
        }

        var csv = StatisticsCsv.Settlement(await reports.SettlementAsync(partnership, period, ct));
        return TypedResults.File(DanishCsv.ToBytes(csv), "text/csv; charset=utf-8", $"afregning-{partnership.Id}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
    }

    private static async Task<Results<Ok<StaffingView>, ProblemHttpResult, ValidationProblem>> StaffingAsync(
        string partnershipId, string? from, string? to, int? weeks, ClaimsPrincipal user, RotaProvider rota, StaffingReports staffing, TimeProvider time, CancellationToken ct)
    {
        if (Period(from, to, time, defaultDays: -7) is not { } period || period.To.DayNumber - period.From.DayNumber > 62 || weeks is < 1 or > 52)
        {
            return Problems.TypedValidation(new Dictionary<string, string[]> { ["period"] = ["Give from and to as yyyy-MM-dd, at most 62 days apart, and weeks between 1 and 52."] });
        }

        if (await PartnershipOfAsync(partnershipId, user, rota, ct) is not { } partnership)
        {
            return Refused(partnershipId);
        }

        return TypedResults.Ok(await staffing.ForAsync(partnership, period, weeks ?? StaffingReports.DefaultWeeks, ct));
    }

    private static async Task<Results<Ok<StatisticsReport>, ProblemHttpResult, ValidationProblem>> KommuneAsync(
        string kommune, string? from, string? to, ClaimsPrincipal user, RotaProvider rota, StatisticsReports reports, TimeProvider time, CancellationToken ct)
    {
        if (Period(from, to, time) is not { } period)
        {
            return PeriodProblem();
        }

        var (found, threshold, problem) = await KommuneOfAsync(kommune, user, rota, ct);
        return found is null ? problem! : TypedResults.Ok(await reports.KommunerAsync([found.Value], period, threshold, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> KommuneCsvAsync(
        string kommune, string? from, string? to, ClaimsPrincipal user, RotaProvider rota, StatisticsReports reports, TimeProvider time, CancellationToken ct)
    {
        if (Period(from, to, time) is not { } period)
        {
            return PeriodProblem();
        }

        var (found, threshold, problem) = await KommuneOfAsync(kommune, user, rota, ct);
        if (found is null)
        {
            return problem!;
        }

        var report = await reports.KommunerAsync([found.Value], period, threshold, ct);
        return TypedResults.File(DanishCsv.ToBytes(StatisticsCsv.Days(report.Kommuner[0], threshold)), "text/csv; charset=utf-8", $"statistik-{kommune}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
    }

    private static async Task<Ok<StatisticsRebuild.Result>> RebuildAsync(HotlineDbContext db, TimeProvider time, ILogger<StatisticsReports> logger, CancellationToken ct)
    {
        var result = await StatisticsRebuild.RunAsync(db, RotaSnapshot.Copenhagen, time.GetUtcNow(), ct);
        logger.LogInformation("Statistics rebuilt from {Chats} chats and {Cases} cases", result.Chats, result.Cases);
        return TypedResults.Ok(result);
    }

    /// <summary>The partnership, if the user coordinates it.</summary>
    private static async Task<Partnership?> PartnershipOfAsync(string id, ClaimsPrincipal user, RotaProvider rota, CancellationToken ct)
    {
        var partnership = (await rota.GetAsync(ct)).Partnerships.FirstOrDefault(p => p.Id == id);
        return partnership is not null && user.HasClaim(StaffClaims.Partnership, partnership.Id) ? partnership : null;
    }

    /// <summary>The kommune, if the user is its admin or coordinates a partnership it is a member of; with that partnership's threshold.</summary>
    private static async Task<(int? Kode, int Threshold, ProblemHttpResult? Problem)> KommuneOfAsync(string slug, ClaimsPrincipal user, RotaProvider rota, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var kommune = snapshot.Kommuner.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.OrdinalIgnoreCase));
        if (kommune is null)
        {
            return (null, 0, Problems.From(new HotlineException(HotlineErrorCode.KommuneNotFound, "No kommune has this slug.")));
        }

        var partnerships = snapshot.PartnershipsOf(kommune.Kode);
        var threshold = partnerships.Select(p => p.ServiceLevelSeconds).DefaultIfEmpty(StatFigures.DefaultThresholdSeconds).First();
        var mayRead = (user.IsInRole(StaffRoles.Admin) && user.HomeKommune() == kommune.Kode) || partnerships.Any(p => user.HasClaim(StaffClaims.Partnership, p.Id));
        return mayRead ? (kommune.Kode, threshold, null) : (null, 0, Problems.From(new HotlineException(HotlineErrorCode.NotAuthorized, "Only the kommune's admins and its partnerships' coordinators see its statistics.")));
    }

    private static ProblemHttpResult Refused(string partnershipId) =>
        Problems.From(new HotlineException(HotlineErrorCode.NotAuthorized, $"Only the coordinators of '{(partnershipId.Length > 64 ? partnershipId[..64] : partnershipId)}' see its statistics."));

    private static ValidationProblem PeriodProblem() =>
        Problems.TypedValidation(new Dictionary<string, string[]> { ["period"] = [$"Give from and to as yyyy-MM-dd, from not after to, at most {MaxDays} days."] });

    /// <summary>The period asked for; without dates the last 28 days up to today (or, for <paramref name="defaultDays"/> &lt; 0, the coming days).</summary>
    private static StatPeriod? Period(string? from, string? to, TimeProvider time, int defaultDays = 28)
    {
        var today = RotaDates.Today(time);
        var (defaultFrom, defaultTo) = defaultDays >= 0 ? (today.AddDays(-defaultDays + 1), today) : (today, today.AddDays(-defaultDays - 1));
        if (!Parse(from, defaultFrom, out var start) || !Parse(to, defaultTo, out var end) || start > end || end.DayNumber - start.DayNumber >= MaxDays)
        {
            return null;
        }

        return new StatPeriod(start, end);
    }

    private static bool Parse(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return text is null || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
