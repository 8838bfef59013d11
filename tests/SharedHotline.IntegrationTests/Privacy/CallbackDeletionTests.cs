using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Privacy;

/// <summary>A citizen's call-back requests are found, flagged when they hold a CPR number, and deleted on request.</summary>
public sealed class CallbackDeletionTests
{
    [Fact]
    public async Task The_kommunes_admin_finds_a_citizens_call_back_requests_by_phone_sees_the_cpr_flag_and_deletes_one_with_an_audit_entry()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var plain = await LeaveAsync(server, new { topic = "pas", name = "Hans", phone = "12 34 56 78", message = "Ring om mit pas" });
        var withCpr = await LeaveAsync(server, new { topic = "pas", name = "Hans", phone = "+4512345678", message = "Mit cpr er 010203-1234" });
        await LeaveAsync(server, new { topic = "pas", name = "Grete", phone = "87654321" });
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);

        var found = await admin.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/privacy/callbacks?phone=12345678");

        found.EnumerateArray().Select(c => c.GetProperty("reference").GetString()).Should().BeEquivalentTo([plain, withCpr]);
        found.EnumerateArray().Single(c => c.GetProperty("reference").GetString() == withCpr).GetProperty("containsCpr").GetBoolean().Should().BeTrue();
        found.EnumerateArray().Single(c => c.GetProperty("reference").GetString() == plain).GetProperty("containsCpr").GetBoolean().Should().BeFalse();

        using var deleted = await admin.DeleteAsync($"/api/kommuner/soroe/callbacks/{withCpr!.ToLowerInvariant()}");

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var left = await admin.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/privacy/callbacks?phone=12345678");
        left.EnumerateArray().Select(c => c.GetProperty("reference").GetString()).Should().Equal(plain);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/privacy-audit");
        var entry = audit.EnumerateArray().First();
        entry.GetProperty("action").GetString().Should().Be("callback-deleted");
        entry.GetProperty("chatReference").GetString().Should().Be(withCpr);
        entry.GetProperty("actorName").GetString().Should().NotBeNullOrEmpty();
        (await admin.DeleteAsync($"/api/kommuner/soroe/callbacks/{withCpr}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "it is gone");
    }

    [Fact]
    public async Task Another_kommunes_admin_neither_finds_nor_deletes_them_and_a_search_needs_something_to_search_for()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var reference = await LeaveAsync(server, new { topic = "pas", phone = "12345678" });
        await StaffAccounts.AddAsync(server, "admin.holbaek", 316, ["admin"]);
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        using var otherAdmin = await StaffAccounts.ClientAsync(server, "admin.holbaek");
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);

        (await otherAdmin.GetAsync("/api/kommuner/soroe/privacy/callbacks?phone=12345678")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherAdmin.DeleteAsync($"/api/kommuner/soroe/callbacks/{reference}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherAdmin.DeleteAsync($"/api/kommuner/holbaek/callbacks/{reference}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "Holbæk has no such request");
        using var empty = await admin.GetAsync("/api/kommuner/soroe/privacy/callbacks");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("invalid_argument");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/kommuner/soroe/privacy/callbacks?reference={reference}")).GetArrayLength().Should().Be(1);
    }

    private static async Task<string?> LeaveAsync(HotlineServer server, object request)
    {
        using var response = await server.Http.PostAsJsonAsync("/api/kommuner/soroe/callbacks", request);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
    }
}
