using static SharedHotline.IntegrationTests.Security.Callers;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>
/// One row per HTTP endpoint: the request to send (route values filled in) and the status each caller gets. Method "*"
/// is an endpoint for any method (the health checks, the hubs' endpoints); it is called with <see cref="HttpRow.Send"/>, or GET.
/// The hub connection endpoints without a connection id answer 400 to whoever may reach them.
/// </summary>
public sealed record HttpRow(string Method, string Pattern, Dictionary<Caller, string> Expected, string? Body = null, string? Send = null)
{
    public HttpMethod RequestMethod => new(Send ?? (Method == "*" ? "GET" : Method));
}

/// <summary>
/// The expected answer of every HTTP endpoint to every caller. A staff endpoint's authorized callers get the endpoint's
/// real answer (200, or 428 for a rota edit sent without If-Match, or 404 for an id that does not exist), everyone
/// else 401 (not signed in) or 403 (signed in, not allowed). A new endpoint without a row fails the matrix test.
/// </summary>
public static class HttpAuthorizationMatrix
{
    private const string Rota = "/api/partnerships/{partnershipId}";
    private const string Turns = Rota + "/patterns/{patternId:guid}/turns";
    private const string Json = "{}";
    private static readonly Caller[] Shifts = Agents;

    /// <summary>Who the statistics page and its scope are for: coordinators (their partnerships) and kommune admins (their kommune); agents see none.</summary>
    private static readonly Caller[] StatisticsReaders = [Caller.CoordinatorOfPartnership, Caller.CoordinatorOfOtherPartnership, Caller.AdminOfKommune, Caller.AdminOfOtherKommune];

    public static IReadOnlyList<HttpRow> Rows { get; } =
    [
        new("GET", "/openapi/{documentName}.json", Everyone("200")),
        new("*", "/health/live", Everyone("200")),
        new("*", "/health/ready", Everyone("200")),

        new("POST", "/api/auth/token", Everyone("200"), """{"userName":"sofie.soroe","password":"hotline-demo"}"""),
        new("POST", "/api/auth/login", Everyone("204"), """{"userName":"sofie.soroe","password":"hotline-demo"}"""),
        new("POST", "/api/auth/logout", StaffOnly("204", StaffMembers)),
        new("GET", "/api/auth/me", StaffOnly("200", StaffMembers)),
        new("GET", "/api/auth/oidc/", Everyone("200")),
        new("POST", "/api/kommuner/{kommune}/staff/{staffId:guid}/unlock", StaffOnly("404", Caller.AdminOfKommune)),
        new("POST", "/api/kommuner/{kommune}/staff/{staffId:guid}/disable", StaffOnly("404", Caller.AdminOfKommune)),
        new("POST", "/api/kommuner/{kommune}/staff/{staffId:guid}/enable", StaffOnly("404", Caller.AdminOfKommune)),
        new("GET", "/api/auth/oidc/{kommune}", Everyone("302")),
        new("GET", "/api/kommuner/{kommune}/settings", StaffOnly("200", Caller.AdminOfKommune)),
        new("PUT", "/api/kommuner/{kommune}/settings", StaffOnly("428", Caller.AdminOfKommune), Json),
        new("GET", "/api/kommuner/{kommune}/audit", StaffOnly("200", Caller.AdminOfKommune)),
        new("GET", "/api/kommuner/{kommune}/staff/", StaffOnly("200", Caller.AdminOfKommune)),
        new("POST", "/api/kommuner/{kommune}/staff/", StaffOnly("400", Caller.AdminOfKommune), Json),
        new("PUT", "/api/kommuner/{kommune}/staff/{staffId:guid}", StaffOnly("404", Caller.AdminOfKommune), Json),
        new("POST", "/api/kommuner/{kommune}/staff/{staffId:guid}/password", StaffOnly("404", Caller.AdminOfKommune), Json),
        new("GET", "/api/platform/partnerships", StaffOnly("200", Caller.AdminOfOtherKommune)),
        new("POST", "/api/platform/kommuner", StaffOnly("400", Caller.AdminOfOtherKommune), Json),

        new("GET", "/api/kommuner/", Everyone("200")),
        new("GET", "/api/kommuner/{kommune}/status", Everyone("200")),
        new("GET", "/api/kommuner/{kommune}/opening-hours", Everyone("200")),
        new("POST", "/api/kommuner/{kommune}/callbacks", Everyone("201"), """{"topic":"pas","phone":"12345678"}"""),
        new("GET", "/api/kommuner/{kommune}/invitations/rules", Everyone("200")),
        new("POST", "/api/kommuner/{kommune}/invitations/", Everyone("400"), Json),
        new("POST", "/api/kommuner/{kommune}/invitations/{invitationId:guid}/decline", Everyone("204")),
        new("GET", "/api/kommuner/{kommune}/invitation-settings/", StaffOnly("200", Caller.AdminOfKommune)),
        new("PUT", "/api/kommuner/{kommune}/invitation-settings/", StaffOnly("428", Caller.AdminOfKommune), Json),

        new("GET", Rota + "/rota", StaffOnly("200", RotaManagers)),
        new("GET", Rota + "/slots", StaffOnly("200", RotaManagers)),
        new("GET", Rota + "/conflicts", StaffOnly("200", RotaManagers)),
        new("GET", Rota + "/audit", StaffOnly("200", RotaManagers)),
        new("GET", Rota + "/settings", StaffOnly("200", RotaManagers)),
        new("PUT", Rota + "/settings", StaffOnly("428", RotaManagers), Json),
        new("GET", Rota + "/rota/export.csv", StaffOnly("200", RotaManagers)),
        new("GET", Rota + "/patterns/", StaffOnly("200", RotaManagers)),
        new("GET", Rota + "/patterns/{patternId:guid}", StaffOnly("200", RotaManagers)),
        new("POST", Rota + "/patterns/", StaffOnly("428", RotaManagers), Json),
        new("PUT", Rota + "/patterns/{patternId:guid}", StaffOnly("428", RotaManagers), Json),
        new("DELETE", Rota + "/patterns/{patternId:guid}", StaffOnly("428", RotaManagers)),
        new("GET", Turns + "/", StaffOnly("200", RotaManagers)),
        new("POST", Turns + "/", StaffOnly("428", RotaManagers), Json),
        new("PUT", Turns + "/{index:int}", StaffOnly("428", RotaManagers), Json),
        new("DELETE", Turns + "/{index:int}", StaffOnly("428", RotaManagers)),
        new("GET", Rota + "/exceptions/", StaffOnly("200", RotaManagers)),
        new("GET", Rota + "/exceptions/{exceptionId:guid}", StaffOnly("404", RotaManagers)),
        new("POST", Rota + "/exceptions/", StaffOnly("428", RotaManagers), Json),
        new("PUT", Rota + "/exceptions/{exceptionId:guid}", StaffOnly("428", RotaManagers), Json),
        new("DELETE", Rota + "/exceptions/{exceptionId:guid}", StaffOnly("428", RotaManagers)),
        new("GET", Rota + "/closed-days", StaffOnly("200", RotaManagers)),
        new("GET", Rota + "/agents", StaffOnly("200", RotaManagers)),
        new("GET", "/api/staff/me/shifts", StaffOnly("200", Shifts)),
        new("GET", "/api/staff/me/shifts.ics-link", StaffOnly("200", Shifts)),
        new("POST", "/api/staff/me/shifts.ics-link", StaffOnly("200", Shifts)),
        new("DELETE", "/api/staff/me/shifts.ics-link", StaffOnly("204", Shifts)),
        new("GET", "/api/shifts/{token}.ics", Everyone("404")),

        new("GET", "/api/chats/{chatId:guid}/transcript", StaffOnly("200", Caller.RosteredAgent, Caller.OffDutyAgentOfKommune, Caller.AdminOfKommune)),
        new("GET", "/api/transcripts/by-reference/{chatReference}", StaffOnly("200", Caller.RosteredAgent, Caller.OffDutyAgentOfKommune, Caller.AdminOfKommune)),
        new("GET", "/api/kommuner/{kommune}/transcript-access/", StaffOnly("200", Caller.AdminOfKommune)),
        new("GET", "/api/kommuner/{kommune}/transcript-access/export.csv", StaffOnly("200", Caller.AdminOfKommune)),
        new("DELETE", "/api/kommuner/{kommune}/chats/{chat}", StaffOnly("404", Caller.AdminOfKommune)),
        new("GET", "/api/kommuner/{kommune}/privacy-audit", StaffOnly("200", Caller.AdminOfKommune)),
        new("GET", "/api/kommuner/{kommune}/privacy/callbacks", StaffOnly("400", Caller.AdminOfKommune)),
        new("GET", "/api/kommuner/{kommune}/meetings", Everyone("200")),
        new("GET", "/api/kommuner/{kommune}/meetings/{topic}/free", Everyone("404")),
        new("POST", "/api/kommuner/{kommune}/cases", Everyone("400"), Json),
        new("GET", "/api/kommuner/{kommune}/cases/{reference}", Everyone("404")),
        new("GET", "/api/kommuner/{kommune}/cases/{reference}/meeting.ics", Everyone("404")),
        new("POST", "/api/kommuner/{kommune}/cases/{reference}/cancel", Everyone("404")),
        new("POST", "/api/kommuner/{kommune}/cases/{reference}/move", Everyone("404"), Json),
        new("GET", "/api/statistics/partnerships/{partnershipId}", StaffOnly("200", Caller.CoordinatorOfPartnership)),
        new("GET", "/api/statistics/partnerships/{partnershipId}/settlement.csv", StaffOnly("200", Caller.CoordinatorOfPartnership)),
        new("GET", "/api/statistics/partnerships/{partnershipId}/staffing", StaffOnly("200", Caller.CoordinatorOfPartnership)),
        new("GET", "/api/statistics/kommuner/{kommune}", StaffOnly("200", Caller.CoordinatorOfPartnership, Caller.AdminOfKommune)),
        new("GET", "/api/statistics/kommuner/{kommune}/days.csv", StaffOnly("200", Caller.CoordinatorOfPartnership, Caller.AdminOfKommune)),
        new("POST", "/api/statistics/rebuild", StaffOnly("200", Caller.AdminOfKommune, Caller.AdminOfOtherKommune)),
        new("GET", "/api/tasks/", StaffOnly("200", Shifts)),
        new("GET", "/api/kommuner/{kommune}/meeting-settings/", StaffOnly("200", Caller.AdminOfKommune)),
        new("PUT", "/api/kommuner/{kommune}/meeting-settings/", StaffOnly("400", Caller.AdminOfKommune), Json),
        new("POST", "/api/tasks/{caseId:guid}/take", StaffOnly("404", Shifts)),
        new("POST", "/api/tasks/{caseId:guid}/call", StaffOnly("404", Shifts), Json),
        new("POST", "/api/tasks/{caseId:guid}/move", StaffOnly("404", Shifts), Json),
        new("POST", "/api/tasks/{caseId:guid}/close", StaffOnly("404", Shifts)),
        new("PUT", "/api/tasks/{caseId:guid}/note", StaffOnly("404", Shifts), Json),
        new("DELETE", "/api/kommuner/{kommune}/callbacks/{callback}", StaffOnly("404", Caller.AdminOfKommune)),
        new("GET", "/api/statistics/scope", StaffOnly("200", StatisticsReaders)),

        new("GET", "/", Everyone("200")),
        new("GET", "/{slug}/chat", Everyone("200")),
        new("GET", "/{slug}/sag/{reference}", Everyone("200")),
        new("GET", "/widget.js", Everyone("200")),
        new("GET", "/favicon.svg", Everyone("200")),
        new("GET", "/login", Everyone("200")),
        new("GET", "/agent", StaffPage(Agents)),
        new("GET", "/admin", StaffPage([Caller.AdminOfKommune, Caller.AdminOfOtherKommune, Caller.CoordinatorOfPartnership, Caller.CoordinatorOfOtherPartnership])),
        new("GET", "/coordinator", StaffPage([Caller.CoordinatorOfPartnership, Caller.CoordinatorOfOtherPartnership, Caller.AdminOfKommune, Caller.AdminOfOtherKommune])),
        new("GET", "/statistik", StaffPage(StatisticsReaders)),

        new("*", "/hubs/citizen/negotiate", Everyone("200"), Send: "POST"),
        new("*", "/hubs/citizen", Everyone("400")),
        new("*", "/hubs/agent/negotiate", StaffOnly("200", Agents), Send: "POST"),
        new("*", "/hubs/agent", StaffOnly("400", Agents)),
    ];
}
