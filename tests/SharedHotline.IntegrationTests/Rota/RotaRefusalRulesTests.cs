using System.Net;
using System.Text.Json;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Rota;

/// <summary>A refused rota edit names the rule it breaks, so the editor can say it in the coordinator's language.</summary>
public sealed class RotaRefusalRulesTests
{
    private const string Exceptions = $"/api/partnerships/{RotaClient.PartnershipId}/exceptions";

    [Fact]
    public async Task A_second_closure_of_the_same_day_a_holiday_opening_on_a_working_day_and_a_day_out_of_range_name_their_rules()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);
        await coordinator.AddExceptionAsync(new { kind = "Cancelled", date = "2026-12-11", patternId = (Guid?)null });

        var again = await RefusalAsync(coordinator, new { kind = "Cancelled", date = "2026-12-11", patternId = (Guid?)null });
        var opening = await RefusalAsync(coordinator, new { kind = "OpenOnHoliday", date = "2026-12-09", patternId = RotaClient.MonThuPatternId });
        var past = await RefusalAsync(coordinator, new { kind = "Cancelled", date = "2026-11-01", patternId = (Guid?)null });

        again.GetProperty("code").GetString().Should().Be(HubErrorCodes.InvalidArgument);
        Rules(again).Should().Equal("exception_exists");
        Rules(opening).Should().Equal("not_a_closed_day");
        Rules(past).Should().Equal("date_out_of_range");
        RotaClient.ErrorFields(again).Should().Equal("date");
    }

    private static async Task<JsonElement> RefusalAsync(RotaClient coordinator, object exception)
    {
        using var response = await coordinator.SendAsync(HttpMethod.Post, Exceptions, exception, await coordinator.ETagAsync());
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        return await RotaClient.ProblemAsync(response);
    }

    private static IEnumerable<string?> Rules(JsonElement problem) => problem.GetProperty("rules").EnumerateArray().Select(r => r.GetString());
}
