using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.IntegrationTests.Rota;
using SharedHotline.Server.Chats;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>
/// Every HTTP endpoint (from the server's own endpoint data source) and every hub method (by reflection) called as each
/// <see cref="Caller"/>, each outcome asserted. An endpoint or hub method without a row fails.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    [Fact]
    public void Every_http_endpoint_of_the_server_has_a_row_in_the_matrix_and_every_row_an_endpoint()
    {
        var endpoints = world.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => Key(m, e.RoutePattern.RawText!)))
            .ToHashSet();
        var rows = HttpAuthorizationMatrix.Rows.Select(r => Key(r.Method, r.Pattern)).ToList();

        rows.Should().OnlyHaveUniqueItems();
        string.Join("; ", endpoints.Except(rows)).Should().BeEmpty("every endpoint needs a row in HttpAuthorizationMatrix");
        string.Join("; ", rows.Except(endpoints)).Should().BeEmpty("every row must name an endpoint that exists");
    }

    [Fact]
    public void Every_public_hub_method_has_a_row_in_the_matrix()
    {
        static IEnumerable<string> Methods(Type hub) => hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not "OnConnectedAsync" and not "OnDisconnectedAsync")
            .Select(m => hub.Name + "." + m.Name);
        var methods = Methods(typeof(CitizenHub)).Concat(Methods(typeof(AgentHub))).ToHashSet();
        var rows = HubAuthorizationMatrix.Rows.Select(r => r.Hub + "." + r.Method).ToList();

        rows.Should().OnlyHaveUniqueItems();
        string.Join("; ", methods.Except(rows)).Should().BeEmpty("every hub method needs a row in HubAuthorizationMatrix");
        string.Join("; ", rows.Except(methods)).Should().BeEmpty("every row must name a hub method that exists");
    }

    [Fact]
    public async Task Every_http_endpoint_answers_each_caller_as_its_row_says()
    {
        var mismatches = new StringBuilder();
        foreach (var row in HttpAuthorizationMatrix.Rows)
        {
            foreach (var caller in Callers.All)
            {
                using var request = new HttpRequestMessage(row.RequestMethod, Fill(row.Pattern));
                if (row.Body is not null)
                {
                    request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
                }

                var http = row.Pattern == "/api/auth/logout" ? await world.OwnSessionAsync(caller) : world.Http(caller);
                using var response = await http.SendAsync(request);
                var actual = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                if (actual != row.Expected[caller])
                {
                    mismatches.AppendLine(CultureInfo.InvariantCulture, $"{row.Method} {row.Pattern} as {caller}: expected {row.Expected[caller]}, got {actual}");
                }
            }
        }

        mismatches.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Every_hub_method_answers_each_caller_as_its_row_says()
    {
        var mismatches = new StringBuilder();
        foreach (var row in HubAuthorizationMatrix.Rows)
        {
            foreach (var caller in Callers.All)
            {
                var actual = await row.Call(world, caller);
                if (actual != row.Expected[caller])
                {
                    mismatches.AppendLine(CultureInfo.InvariantCulture, $"{row.Hub}.{row.Method} as {caller}: expected {row.Expected[caller]}, got {actual}");
                }
            }
        }

        mismatches.ToString().Should().BeEmpty();
    }

    private string Fill(string pattern) => pattern
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("{kommune}", "soroe", StringComparison.Ordinal)
        .Replace("{slug}", "soroe", StringComparison.Ordinal)
        .Replace("{partnershipId}", RotaClient.PartnershipId, StringComparison.Ordinal)
        .Replace("{patternId:guid}", RotaClient.MonThuPatternId.ToString(), StringComparison.Ordinal)
        .Replace("{index:int}", "0", StringComparison.Ordinal)
        .Replace("{exceptionId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{chatId:guid}", world.Chat.ChatId.ToString(), StringComparison.Ordinal)
        .Replace("{chatReference}", world.Chat.Reference, StringComparison.Ordinal)
        .Replace("{chat}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{staffId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{caseId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{invitationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{token}", "no-such-feed", StringComparison.Ordinal);

    private static string Key(string method, string pattern) => method + " " + pattern;
}
