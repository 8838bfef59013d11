using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Rota;

/// <summary>
/// Each agent's shifts as an iCalendar feed to subscribe to: the agent fetches a personal URL once
/// (signed in), the calendar program then polls it anonymously. Times are Europe/Copenhagen local.
/// </summary>
public static class ShiftFeed
{
    public const int PastDays = 7;
    public const int FutureDays = 90;
    private const string Zone = "Europe/Copenhagen";

    public static IEndpointRouteBuilder MapShiftFeed(this IEndpointRouteBuilder app)
    {
        const string link = "/api/staff/me/shifts.ics-link";
        app.MapGet(link, (HttpContext http, ShiftFeedTokens tokens, HotlineDbContext db, CancellationToken ct) => LinkAsync(http, tokens, db, renew: false, ct))
            .WithSummary("The signed-in agent's personal calendar feed URL. Keep it private: it needs no sign-in.")
            .WithTags("Rota").RequireAuthorization(StaffPolicies.Agent);
        app.MapPost(link, (HttpContext http, ShiftFeedTokens tokens, HotlineDbContext db, CancellationToken ct) => LinkAsync(http, tokens, db, renew: true, ct))
            .WithSummary("A new calendar feed URL for the signed-in agent; every earlier one stops working.")
            .WithTags("Rota").RequireAuthorization(StaffPolicies.Agent);
        app.MapDelete(link, RevokeAsync)
            .WithTags("Rota").RequireAuthorization(StaffPolicies.Agent)
            .WithSummary("Stop the signed-in agent's calendar feed: every URL given out so far stops working.");
        app.MapGet("/api/shifts/{token}.ics", GetFeed)
            .WithTags("Rota")
            .AllowAnonymous()
            .WithSummary($"The agent's shifts from {PastDays} days ago to {FutureDays} days ahead as text/calendar.");
        return app;
    }

    private static async Task<Ok<ShiftFeedLink>> LinkAsync(HttpContext http, ShiftFeedTokens tokens, HotlineDbContext db, bool renew, CancellationToken ct)
    {
        var staffId = http.User.StaffId();
        if (renew)
        {
            await db.Staff.Where(s => s.Id == staffId).ExecuteUpdateAsync(u => u.SetProperty(s => s.ShiftFeedVersion, s => s.ShiftFeedVersion + 1), ct);
        }

        var version = await db.Staff.Where(s => s.Id == staffId).Select(s => s.ShiftFeedVersion).FirstAsync(ct);
        var url = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/api/shifts/{tokens.Issue(staffId, version)}.ics");
        return TypedResults.Ok(new ShiftFeedLink(url));
    }

    private static async Task<NoContent> RevokeAsync(HttpContext http, HotlineDbContext db, ILogger<ShiftFeedTokens> logger, CancellationToken ct)
    {
        var staffId = http.User.StaffId();
        await db.Staff.Where(s => s.Id == staffId).ExecuteUpdateAsync(u => u.SetProperty(s => s.ShiftFeedVersion, s => s.ShiftFeedVersion + 1), ct);
        logger.LogInformation("Calendar feed of staff {StaffId} revoked", staffId);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> GetFeed(string token, ShiftFeedTokens tokens, HotlineDbContext db, RotaProvider rota, TimeProvider time, ILogger<ShiftFeedTokens> logger, CancellationToken ct)
    {
        var feed = tokens.Read(token);
        var agent = feed is { } f ? await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == f.StaffId, ct) : null;
        if (agent is null || !agent.Roles.Contains(StaffRoles.Agent) || agent.Disabled || agent.ShiftFeedVersion != feed!.Value.Version)
        {
            logger.LogInformation("Shift feed refused: the token names no active agent or an address replaced since");
            return Results.Problem(title: "Unknown feed", detail: "This calendar feed does not exist (any more). Get a new link in the hotline.", statusCode: StatusCodes.Status404NotFound);
        }

        var today = RotaDates.Today(time);
        var shifts = await StaffShifts.ForAsync(agent.Id, today.AddDays(-PastDays), today.AddDays(FutureDays), rota, db, ct);
        var calendar = new Ical.Net.Calendar { ProductId = "-//SharedHotline//Vagtplan//DA" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(Zone));
        calendar.AddProperty("X-WR-CALNAME", $"Hotlinevagter – {agent.DisplayName}");
        calendar.AddProperty("X-WR-TIMEZONE", Zone);
        var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime, "UTC");
        foreach (var shift in shifts)
        {
            var colleagues = shift.Agents.Where(a => a.Id != agent.Id).Select(a => a.Name).ToList();
            var description = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"Ansvarlig kommune: {shift.Responsible.Name}")
                .Append(colleagues.Count > 0 ? $"\nKolleger: {string.Join(", ", colleagues)}" : "\nIngen kolleger på vagten")
                .Append(string.Concat(shift.Notes.Select(n => "\n" + n)));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = string.Create(CultureInfo.InvariantCulture, $"{shift.PartnershipId}-{shift.Start.UtcDateTime:yyyyMMddTHHmm}-{agent.Id:N}@sharedhotline.dk"),
                Summary = $"Hotlinevagt ({shift.Responsible.Name})",
                Description = description.ToString(),
                Location = shift.PartnershipName,
                Start = Local(shift.Start),
                End = Local(shift.End),
                DtStamp = stamp,
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Results.Text(text, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    private static CalDateTime Local(DateTimeOffset at) =>
        new(DateTime.SpecifyKind(at.DateTime, DateTimeKind.Unspecified), Zone);
}
