using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.IntegrationTests.Rota;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>
/// Every endpoint that reads a body gets malformed JSON, wrong types, huge strings, control characters, broken UTF-16
/// and UTF-8, unknown enum values and dates far out of range; query parameters get the same treatment. Each answer is a
/// 4xx ProblemDetails, the server keeps serving, and nothing stored changes.
/// </summary>
public sealed class HttpBadInputSuiteTests
{
    /// <summary>POST and PUT endpoints that read no body at all.</summary>
    private static readonly string[] NoBody = ["/api/auth/logout", "/api/staff/me/shifts.ics-link", "/api/statistics/rebuild", "/api/kommuner/{kommune}/invitations/{invitationId:guid}/decline"];

    private static readonly string Huge = new('x', 40_000);

    public static IReadOnlyList<(string Name, byte[] Body)> BadBodies { get; } =
    [
        ("malformed JSON", Utf8("""{"topic": "pas", "phone": """)),
        ("not an object", Utf8("[1, 2, 3]")),
        ("wrong types", Utf8("""{"topic": 42, "phone": true, "name": [], "message": {}, "userName": 7, "password": false, "days": "Monday", "start": 7, "kind": 3, "rotation": "x", "kommune": "holbaek", "agentIds": "mia"}""")),
        ("huge strings", Utf8($$"""{"topic": "{{Huge}}", "name": "{{Huge}}", "message": "{{Huge}}", "userName": "{{Huge}}", "password": "{{Huge}}"}""")),
        ("control characters", Utf8("""{"topic": "pas", "name": "a\u0007b", "message": "x\u0000y", "phone": "1234\u001b5678", "userName": "a\u0001", "password": "p\u0000", "note": "\u001b[31m"}""")),
        ("lone surrogates", Utf8("""{"topic": "pas", "name": "\ud800", "message": "x\udc00y", "userName": "\ud800", "password": "\udfff", "note": "\ud800"}""")),
        ("invalid UTF-8", [(byte)'{', (byte)'"', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}']),
        ("unknown enums", Utf8("""{"kind": "Bogus", "days": ["Funday"], "rotation": {"kind": "Sideways", "turns": []}}""")),
        ("dates far out of range", Utf8("""{"kind": "Cancelled", "date": "9999-12-31", "validFrom": "0001-01-01", "validTo": "99999-01-01", "start": "25:61", "anchor": "-2026-01-01"}""")),
        ("empty", []),
    ];

    [Fact]
    public async Task Every_endpoint_that_reads_a_body_refuses_each_kind_of_bad_body_with_a_problem_and_stores_nothing()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        using var coordinator = await StaffAccounts.ClientAsync(server, RotaClient.Coordinator);
        var etag = await ETagAsync(coordinator);
        var before = await StoredStateAsync(server);
        var bodyEndpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT").Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Where(e => !NoBody.Contains(e.Pattern))
            .ToList();
        bodyEndpoints.Should().Contain(e => e.Pattern.Contains("callbacks", StringComparison.Ordinal)).And.Contain(e => e.Pattern.Contains("/exceptions", StringComparison.Ordinal));

        var failures = new StringBuilder();
        foreach (var (method, pattern) in bodyEndpoints)
        {
            foreach (var (name, body) in BadBodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern)) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                using var response = await coordinator.SendAsync(request);
                var status = (int)response.StatusCode;
                var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (status is < 400 or >= 500 || !isProblem)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{method} {pattern} with {name}: {status} {response.Content.Headers.ContentType}");
                }
            }
        }

        failures.ToString().Should().BeEmpty();
        (await ETagAsync(coordinator)).Should().Be(etag, "no rota edit went through");
        (await StoredStateAsync(server)).Should().Be(before, "nothing stored changed");
        (await server.Http.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/kommuner/soroe/opening-hours?from=9999-12-31")]
    [InlineData("/api/kommuner/soroe/opening-hours?from=0001-01-01&to=0001-01-02")]
    [InlineData("/api/kommuner/soroe/opening-hours?from=2026-13-45")]
    [InlineData("/api/kommuner/soroe/opening-hours?from=2026-11-24&to=2099-01-01")]
    [InlineData("/api/kommuner/soroe/opening-hours?from=%F0%9F%98%80%00%07")]
    [InlineData("/api/partnerships/nordsjaelland-vestsjaelland/slots?from=1900-01-01&to=9999-12-31")]
    [InlineData("/api/partnerships/nordsjaelland-vestsjaelland/conflicts?from=abc")]
    [InlineData("/api/partnerships/nordsjaelland-vestsjaelland/audit?take=abc")]
    [InlineData("/api/partnerships/nordsjaelland-vestsjaelland/audit?take=-1")]
    [InlineData("/api/partnerships/nordsjaelland-vestsjaelland/audit?take=99999999999999999999")]
    [InlineData("/api/partnerships/nordsjaelland-vestsjaelland/rota/export.csv?month=99999-13")]
    public async Task Query_parameters_of_the_wrong_type_or_far_out_of_range_get_a_400_problem(string path)
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await StaffAccounts.ClientAsync(server, RotaClient.Coordinator);

        using var response = await coordinator.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await server.Http.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string Fill(string pattern) => pattern
        .Replace("{kommune}", "soroe", StringComparison.Ordinal)
        .Replace("{partnershipId}", RotaClient.PartnershipId, StringComparison.Ordinal)
        .Replace("{patternId:guid}", RotaClient.MonThuPatternId.ToString(), StringComparison.Ordinal)
        .Replace("{index:int}", "0", StringComparison.Ordinal)
        .Replace("{exceptionId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    private static async Task<string> ETagAsync(HttpClient coordinator)
    {
        using var response = await coordinator.GetAsync($"/api/partnerships/{RotaClient.PartnershipId}/rota");
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.ToString();
    }

    /// <summary>Counts of everything a body could have created or changed, and the staff's sign-in failure counters.</summary>
    private static Task<string> StoredStateAsync(HotlineServer server) => StaffAccounts.WithDbAsync(server, async db =>
        string.Join('|',
            await db.Cases.CountAsync(),
            await db.Chats.CountAsync(),
            await db.Messages.CountAsync(),
            await db.RotaAudit.CountAsync(),
            await db.Staff.SumAsync(s => s.FailedSignIns),
            await db.Staff.CountAsync(s => s.LockedUntil != null)));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
