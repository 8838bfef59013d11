using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;

namespace SharedHotline.IntegrationTests.Cases;

/// <summary>A telefonmøde from booking to done: the citizen books and follows it, Holbæk's staff take and close it.</summary>
public sealed class TelefonmoedeTests
{
    [Fact]
    public async Task A_citizen_books_on_a_closed_evening_and_follows_the_case_while_a_holbaek_agent_takes_it_calls_twice_and_closes_it()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var topics = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/holbaek/meetings");
        topics.EnumerateArray().Should().Contain(t => t.GetProperty("code").GetString() == "pas" && t.GetProperty("minutes").GetInt32() == 15);
        var free = await FreeAsync(server, "holbaek", "pas");
        free[0].Should().Be(DateTimeOffset.Parse("2026-11-30T09:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture), "Monday morning is the first time in Holbæk's own hours");

        var receipt = await BookAsync(server, "holbaek", new { topic = "pas", start = free[0], phone = "+45 12 34 56 78", note = "Mit pas er udløbet" });

        receipt.GetProperty("text").GetString().Should().Contain("mandag d. 30. november kl. 09.00").And.Contain(receipt.GetProperty("reference").GetString());
        var status = new Uri(receipt.GetProperty("statusUrl").GetString()!);
        var token = status.Query.Split("t=")[1];
        var reference = receipt.GetProperty("reference").GetString()!;
        var ics = await server.Http.GetStringAsync(receipt.GetProperty("calendarUrl").GetString());
        ics.Should().Contain("DTSTART;TZID=Europe/Copenhagen:20261130T090000").And.Contain("DTEND;TZID=Europe/Copenhagen:20261130T091500");
        ics.Should().Contain("BEGIN:STANDARD").And.Contain("BEGIN:DAYLIGHT");
        (await StateAsync(server, reference, token)).Should().Be("received");

        using var hanne = await StaffAccounts.ClientAsync(server, "hanne.holbaek");
        var task = (await hanne.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("reference").GetString() == reference);
        task.GetProperty("phone").GetString().Should().Be("+4512345678");
        task.GetProperty("note").GetString().Should().Be("Mit pas er udløbet");
        var id = task.GetProperty("id").GetGuid();

        (await hanne.PostAsync($"/api/tasks/{id}/take", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await StateAsync(server, reference, token)).Should().Be("assigned");
        (await hanne.PostAsJsonAsync($"/api/tasks/{id}/call", new { reached = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await StateAsync(server, reference, token)).Should().Be("not-reached");
        (await hanne.PostAsJsonAsync($"/api/tasks/{id}/call", new { reached = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await hanne.PostAsync($"/api/tasks/{id}/close", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var final = await server.Http.GetFromJsonAsync<JsonElement>($"/api/kommuner/holbaek/cases/{reference}?t={token}");
        final.GetProperty("state").GetString().Should().Be("closed");
        final.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).Should().Equal("received", "taken", "not-reached", "reached", "closed");
        final.ToString().Should().NotContain("Hanne", "the citizen sees what happened, not who did it");
        (await hanne.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Should().NotContain(t => t.GetProperty("reference").GetString() == reference);
    }

    [Fact]
    public async Task A_time_has_as_many_places_as_staff_who_take_the_topic_and_a_taken_time_answers_409_with_the_next_free_times()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var first = (await FreeAsync(server, "holbaek", "pas"))[0];
        await BookAsync(server, "holbaek", new { topic = "pas", start = first, phone = "12345678" });

        using var second = await server.Http.PostAsJsonAsync("/api/kommuner/holbaek/cases", new { topic = "pas", start = first, phone = "87654321" });

        second.StatusCode.Should().Be(HttpStatusCode.Conflict, "only Hanne takes pas in Holbæk");
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be("meeting_time_taken");
        problem.GetProperty("detail").GetString().Should().Contain("2026-11-30 09:15");
        (await FreeAsync(server, "holbaek", "pas")).Should().NotContain(first);
        (await FreeAsync(server, "holbaek", "folkeregister")).Should().Contain(first, "Søren takes folkeregister at that time");
    }

    [Fact]
    public async Task Bad_bookings_name_the_field_and_store_nothing()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var free = (await FreeAsync(server, "holbaek", "pas"))[0];

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { topic = "pas", start = free.AddDays(-3), phone = "12345678" }, "start"),
            (new { topic = "pas", start = free.AddMinutes(5), phone = "12345678" }, "start"),
            (new { topic = "pas", start = free, phone = "1234" }, "phone"),
            (new { topic = "pas", start = free }, "phone"),
            (new { topic = "mitid", start = free, phone = "12345678" }, "topic"),
            (new { topic = "pas", start = free, phone = "12345678", note = new string('x', 1001) }, "note"),
        })
        {
            using var response = await server.Http.PostAsJsonAsync("/api/kommuner/holbaek/cases", body);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, field);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(field);
        }

        (await FreeAsync(server, "holbaek", "pas"))[0].Should().Be(free, "nothing was booked");
    }

    [Fact]
    public async Task The_citizen_moves_the_meeting_and_then_cancels_it_and_each_time_frees_the_place()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var free = await FreeAsync(server, "holbaek", "pas");
        var receipt = await BookAsync(server, "holbaek", new { topic = "pas", start = free[0], phone = "12345678" });
        var reference = receipt.GetProperty("reference").GetString()!;
        var token = new Uri(receipt.GetProperty("statusUrl").GetString()!).Query.Split("t=")[1];

        using var moved = await server.Http.PostAsJsonAsync($"/api/kommuner/holbaek/cases/{reference}/move?t={token}", new { start = free[3] });
        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await FreeAsync(server, "holbaek", "pas")).Should().Contain(free[0]).And.NotContain(free[3]);

        using var cancelled = await server.Http.PostAsync($"/api/kommuner/holbaek/cases/{reference}/cancel?t={token}", null);
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await StateAsync(server, reference, token)).Should().Be("cancelled");
        (await FreeAsync(server, "holbaek", "pas")).Should().Contain(free[3]);
        (await server.Http.GetAsync($"/api/kommuner/holbaek/cases/{reference}?t=wrong")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the link's secret is the key");
    }

    [Fact]
    public async Task An_agent_of_another_kommune_sees_and_takes_nothing_of_holbaeks()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        var free = (await FreeAsync(server, "holbaek", "pas"))[0];
        var reference = (await BookAsync(server, "holbaek", new { topic = "pas", start = free, phone = "12345678" })).GetProperty("reference").GetString();
        using var hanne = await StaffAccounts.ClientAsync(server, "hanne.holbaek");
        var id = (await hanne.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("reference").GetString() == reference).GetProperty("id").GetGuid();
        using var sofie = await StaffAccounts.ClientAsync(server, "sofie.soroe");

        (await sofie.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Should().NotContain(t => t.GetProperty("reference").GetString() == reference);
        (await sofie.PostAsync($"/api/tasks/{id}/take", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Http.GetAsync($"/api/kommuner/soroe/cases/{reference}?t=x")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_colleagues_taking_one_task_at_once_give_one_holder_and_one_conflict()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        using var message = await server.Http.PostAsJsonAsync("/api/kommuner/holbaek/cases", new { topic = "pas", note = "Ring mig op" });
        var reference = (await message.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        using var hanne = await StaffAccounts.ClientAsync(server, "hanne.holbaek");
        using var soeren = await StaffAccounts.ClientAsync(server, "soeren.holbaek");
        var id = (await hanne.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("reference").GetString() == reference).GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(hanne.PostAsync($"/api/tasks/{id}/take", null), soeren.PostAsync($"/api/tasks/{id}/take", null));

        answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var refused = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("case_conflict");
        var holder = (await hanne.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        holder.GetProperty("takenByName").GetString().Should().BeOneOf("Hanne Holm", "Søren Ærenlund");
    }

    [Fact]
    public async Task Two_nodes_booking_the_last_place_at_once_give_one_booking_and_one_409()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(Demo.SundayLateEvening.ToUniversalTime());
        Dictionary<string, string?> Settings() => new() { ["Hotline:Database"] = "postgres", ["ConnectionStrings:Hotline"] = database };
        await using var nodeA = await HotlineServer.StartAsync(Demo.SundayLateEvening, Settings(), clock);
        await using var nodeB = await HotlineServer.StartAsync(Demo.SundayLateEvening, Settings(), clock);
        var last = (await FreeAsync(nodeA, "holbaek", "pas"))[0];

        for (var round = 0; round < 5; round++)
        {
            var start = last.AddMinutes(15 * round);
            var answers = await Task.WhenAll(
                nodeA.Http.PostAsJsonAsync("/api/kommuner/holbaek/cases", new { topic = "pas", start, phone = "12345678" }),
                nodeB.Http.PostAsJsonAsync("/api/kommuner/holbaek/cases", new { topic = "pas", start, phone = "87654321" }));

            answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.Conflict], $"round {round}");
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }

    private static async Task<List<DateTimeOffset>> FreeAsync(HotlineServer server, string kommune, string topic) =>
        (await server.Http.GetFromJsonAsync<JsonElement>($"/api/kommuner/{kommune}/meetings/{topic}/free")).EnumerateArray().Select(t => t.GetProperty("start").GetDateTimeOffset()).ToList();

    private static async Task<JsonElement> BookAsync(HotlineServer server, string kommune, object request)
    {
        using var response = await server.Http.PostAsJsonAsync($"/api/kommuner/{kommune}/cases", request);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string?> StateAsync(HotlineServer server, string reference, string token) =>
        (await server.Http.GetFromJsonAsync<JsonElement>($"/api/kommuner/holbaek/cases/{reference}?t={token}")).GetProperty("state").GetString();
}

public sealed class MeetingSettingsTests
{
    [Fact]
    public async Task Holbaeks_admin_books_a_new_topic_with_its_length_and_citizens_see_its_times_on_every_node()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        await StaffAccounts.AddAsync(server, "admin.holbaek", 316, ["admin"]);
        using var admin = await StaffAccounts.ClientAsync(server, "admin.holbaek");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/kommuner/holbaek/meeting-settings");
        var mitid = before.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "mitid");
        mitid.GetProperty("booked").GetBoolean().Should().BeFalse();
        mitid.GetProperty("takenBy").EnumerateArray().Select(n => n.GetString()).Should().Equal("Hanne Holm");

        using var saved = await admin.PutAsJsonAsync("/api/kommuner/holbaek/meeting-settings", new { partnershipHandlesMessages = true, topics = new[] { new { code = "mitid", minutes = 20 }, new { code = "pas", minutes = 10 } } });

        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        var topics = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/holbaek/meetings");
        topics.EnumerateArray().Select(t => (t.GetProperty("code").GetString(), t.GetProperty("minutes").GetInt32())).Should().Equal(("mitid", 20), ("pas", 10));
        var free = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/holbaek/meetings/mitid/free");
        var first = free.EnumerateArray().First();
        (first.GetProperty("end").GetDateTimeOffset() - first.GetProperty("start").GetDateTimeOffset()).Should().Be(TimeSpan.FromMinutes(20));
        (await server.Http.GetAsync("/api/kommuner/holbaek/meetings/sygedagpenge/free")).StatusCode.Should().Be(HttpStatusCode.NotFound, "no longer booked");
    }

    [Fact]
    public async Task Bad_settings_name_the_field_and_another_kommunes_admin_is_refused()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening);
        await StaffAccounts.AddAsync(server, "admin.holbaek", 316, ["admin"]);
        using var admin = await StaffAccounts.ClientAsync(server, "admin.holbaek");

        using var bad = await admin.PutAsJsonAsync("/api/kommuner/holbaek/meeting-settings", new { partnershipHandlesMessages = false, topics = new[] { new { code = "rumrejser", minutes = 20 }, new { code = "pas", minutes = 500 } } });
        using var foreign = await admin.PutAsJsonAsync("/api/kommuner/soroe/meeting-settings", new { partnershipHandlesMessages = true, topics = Array.Empty<object>() });

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("topics[0].code", out _).Should().BeTrue();
        errors.TryGetProperty("topics[1].minutes", out _).Should().BeTrue();
        foreign.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/holbaek/meetings")).GetArrayLength().Should().Be(6, "nothing changed");
    }

    [Fact]
    public async Task Where_a_kommune_opted_in_its_messages_reach_the_partnerships_rostered_agent_but_not_its_meetings()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, ["admin"]);
        using var admin = await StaffAccounts.ClientAsync(server, StaffAccounts.SoroeAdmin);
        using var mia = await StaffAccounts.ClientAsync(server, "mia.fureso");
        using var message = await server.Http.PostAsJsonAsync("/api/kommuner/soroe/cases", new { topic = "pas", note = "Hvornår er mit pas klar?" });
        var reference = (await message.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();

        (await mia.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Should().NotContain(t => t.GetProperty("reference").GetString() == reference, "Sorø has not opted in");

        (await admin.PutAsJsonAsync("/api/kommuner/soroe/meeting-settings", new { partnershipHandlesMessages = true, topics = new[] { new { code = "pas", minutes = 15 } } })).EnsureSuccessStatusCode();

        var tasks = (await mia.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().ToList();
        tasks.Should().Contain(t => t.GetProperty("reference").GetString() == reference, "Mia is rostered for Sorø this evening");
        tasks.Should().OnlyContain(t => t.GetProperty("kommune").GetString() == "fureso" || t.GetProperty("kind").GetString() == "message");
        using var peter = await StaffAccounts.ClientAsync(server, "kirsten.frederikssund");
        (await peter.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Should().NotContain(t => t.GetProperty("reference").GetString() == reference, "only agents rostered for Sorø now");
    }
}
