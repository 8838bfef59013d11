using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;

namespace SharedHotline.IntegrationTests.Cases;

/// <summary>
/// Both ends of a case follow it live: the citizen's status page is told of each step staff take, the consoles of
/// the kommune are told of each booking; and the staff member who holds a meeting can move it to a time agreed on
/// the phone.
/// </summary>
public sealed class CaseFollowingTests
{
    [Fact]
    public async Task The_citizen_is_told_of_every_step_and_holbaeks_console_of_the_booking_without_asking()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var hanneConsole = await server.ConnectAgentAsync("hanne.holbaek");
        var sofieConsole = await server.ConnectAgentAsync("sofie.soroe");
        var holbaekTasks = new Inbox<TasksChanged>();
        var soroeTasks = new Inbox<TasksChanged>();
        hanneConsole.TasksChanged += holbaekTasks.Add;
        sofieConsole.TasksChanged += soroeTasks.Add;

        var (reference, token) = await BookAsync(server, (await FreeAsync(server))[0]);

        await holbaekTasks.WaitForAsync(c => c.Reference == reference);
        var citizen = await server.ConnectCitizenAsync();
        var changes = new Inbox<CaseChanged>();
        citizen.CaseChanged += changes.Add;
        await citizen.FollowCaseAsync("holbaek", reference, token);

        using var hanne = await StaffAccounts.ClientAsync(server, "hanne.holbaek");
        var id = await TaskIdAsync(hanne, reference);
        (await hanne.PostAsync($"/api/tasks/{id}/take", null)).EnsureSuccessStatusCode();
        await changes.WaitForAsync(c => c.Reference == reference && c.State == "assigned");
        (await hanne.PostAsJsonAsync($"/api/tasks/{id}/call", new { reached = false })).EnsureSuccessStatusCode();
        await changes.WaitForAsync(c => c.State == "not-reached");
        (await hanne.PostAsync($"/api/tasks/{id}/close", null)).EnsureSuccessStatusCode();
        await changes.WaitForAsync(c => c.State == "closed");

        soroeTasks.Items.Should().BeEmpty("Sorø's console hears nothing of Holbæk's cases");
    }

    [Fact]
    public async Task A_wrong_link_follows_nothing()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var (reference, token) = await BookAsync(server, (await FreeAsync(server))[0]);
        var citizen = await server.ConnectCitizenAsync();

        foreach (var (kommune, reference2, token2) in new[] { ("holbaek", reference, "wrong"), ("soroe", reference, token), ("holbaek", "HOL-NOPE", token), ("holbaek", new string('x', 200), token) })
        {
            var follow = () => citizen.FollowCaseAsync(kommune, reference2, token2);
            (await follow.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.CaseNotFound);
        }
    }

    [Fact]
    public async Task The_holder_moves_a_meeting_to_a_time_agreed_on_the_phone_and_the_old_place_is_free_again()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var free = await FreeAsync(server);
        var (reference, token) = await BookAsync(server, free[0]);
        using var hanne = await StaffAccounts.ClientAsync(server, "hanne.holbaek");
        using var soeren = await StaffAccounts.ClientAsync(server, "soeren.holbaek");
        var id = await TaskIdAsync(hanne, reference);

        using var notHeld = await hanne.PostAsJsonAsync($"/api/tasks/{id}/move", new { start = free[2] });
        notHeld.StatusCode.Should().Be(HttpStatusCode.Conflict, "only the one who holds it moves it");
        (await hanne.PostAsync($"/api/tasks/{id}/take", null)).EnsureSuccessStatusCode();
        (await hanne.PostAsJsonAsync($"/api/tasks/{id}/call", new { reached = false })).EnsureSuccessStatusCode();
        foreach (var body in new object[] { new { start = free[2].AddMinutes(7) }, new { start = free[0].AddDays(-2) }, new { } })
        {
            using var bad = await hanne.PostAsJsonAsync($"/api/tasks/{id}/move", body);
            bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("start", out _).Should().BeTrue();
        }

        using var byColleague = await soeren.PostAsJsonAsync($"/api/tasks/{id}/move", new { start = free[2] });
        byColleague.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var moved = await hanne.PostAsJsonAsync($"/api/tasks/{id}/move", new { start = free[2] });

        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        var task = await moved.Content.ReadFromJsonAsync<JsonElement>();
        task.GetProperty("start").GetDateTimeOffset().Should().Be(free[2]);
        task.GetProperty("state").GetString().Should().Be("assigned", "she still holds it and calls at the new time");
        var left = await FreeAsync(server);
        left.Should().Contain(free[0]).And.NotContain(free[2]);
        var status = await server.Http.GetFromJsonAsync<JsonElement>($"/api/kommuner/holbaek/cases/{reference}?t={token}");
        status.GetProperty("start").GetDateTimeOffset().Should().Be(free[2]);
        status.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).Should().Equal("received", "taken", "not-reached", "moved");
        var ics = await server.Http.GetStringAsync($"/api/kommuner/holbaek/cases/{reference}/meeting.ics?t={token}");
        ics.Should().Contain($"DTSTART;TZID=Europe/Copenhagen:{free[2].ToOffset(TimeSpan.FromHours(1)):yyyyMMdd'T'HHmmss}");
    }

    private static async Task<List<DateTimeOffset>> FreeAsync(HotlineServer server) =>
        (await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/holbaek/meetings/pas/free")).EnumerateArray().Select(t => t.GetProperty("start").GetDateTimeOffset()).ToList();

    private static async Task<(string Reference, string Token)> BookAsync(HotlineServer server, DateTimeOffset start)
    {
        using var response = await server.Http.PostAsJsonAsync("/api/kommuner/holbaek/cases", new { topic = "pas", start, phone = "12345678" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (receipt.GetProperty("reference").GetString()!, new Uri(receipt.GetProperty("statusUrl").GetString()!).Query.Split("t=")[1]);
    }

    private static async Task<Guid> TaskIdAsync(HttpClient staff, string reference) =>
        (await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("reference").GetString() == reference).GetProperty("id").GetGuid();
}
