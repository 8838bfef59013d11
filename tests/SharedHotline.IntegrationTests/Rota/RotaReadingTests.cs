using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Rota;

public sealed class RotaReadingTests
{
    private static readonly string Base = $"/api/partnerships/{RotaClient.PartnershipId}";

    [Fact]
    public async Task Christmas_week_slots_are_local_with_offset_and_an_explicit_juleaften_opening_is_flagged()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);
        await coordinator.AddExceptionAsync(new { kind = "OpenOnHoliday", date = "2026-12-24", patternId = RotaClient.MonThuPatternId, note = "Julevagt" });

        var slots = (await coordinator.Http.GetFromJsonAsync<JsonElement[]>($"{Base}/slots?from=2026-12-21&to=2026-12-27"))!;

        slots.Select(s => s.GetProperty("date").GetString()).Should().Equal("2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24");
        var juleaften = slots[3];
        juleaften.GetProperty("start").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 12, 24, 15, 0, 0, TimeSpan.FromHours(1)));
        juleaften.GetProperty("start").GetString().Should().EndWith("+01:00");
        juleaften.GetProperty("holiday").GetString().Should().Be("Juleaften");
        juleaften.GetProperty("openedOnHoliday").GetBoolean().Should().BeTrue();
        juleaften.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Equal("Åben trods helligdag/lukkedag: Julevagt");
        juleaften.GetProperty("responsible").GetProperty("name").GetString().Should().Be("Frederikssund");
        juleaften.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().BeEquivalentTo("Jens Ørsted", "Kirsten Åberg");
        slots[0].GetProperty("holiday").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_extra_slot_without_agents_and_a_double_booking_show_up_as_conflicts()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);
        (await coordinator.Http.GetFromJsonAsync<JsonElement[]>($"{Base}/conflicts")).Should().BeEmpty();
        await coordinator.AddExceptionAsync(new { kind = "ExtraSlot", date = "2026-11-28", start = "10:00", end = "14:00", responsibleKommune = 340 });
        await coordinator.AddExceptionAsync(new { kind = "ExtraSlot", date = "2026-11-26", start = "21:00", end = "23:00", responsibleKommune = 316, agentIds = new[] { DemoStaff.IdOf(Demo.FuresoAgent) } });

        var conflicts = (await coordinator.Http.GetFromJsonAsync<JsonElement[]>($"{Base}/conflicts?from=2026-11-23&to=2026-11-29"))!;

        conflicts.Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("date").GetString())).Should().Equal(("DoubleBooked", "2026-11-26"), ("Unstaffed", "2026-11-28"));
        conflicts[0].GetProperty("agent").GetProperty("name").GetString().Should().Be("Mia Søgaard");
        conflicts[0].GetProperty("message").GetString().Should().Contain("Mia Søgaard");
    }

    [Fact]
    public async Task An_agent_reads_their_own_shifts_with_colleagues_and_bad_dates_get_field_errors()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var agent = await RotaClient.SignInAsync(server, Demo.FuresoAgent);

        var shifts = (await agent.Http.GetFromJsonAsync<JsonElement[]>("/api/staff/me/shifts?from=2026-11-23&to=2026-11-29"))!;
        using var bad = await agent.Http.GetAsync("/api/staff/me/shifts?from=23-11-2026&to=2027-06-01");

        shifts.Select(s => s.GetProperty("date").GetString()).Should().Equal("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27");
        shifts[1].GetProperty("end").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.FromHours(1)));
        shifts[1].GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Contain("Peter Kjær");
        shifts[1].GetProperty("partnershipName").GetString().Should().Be("Selvbetjeningshotline Nordsjælland-Vestsjælland");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        RotaClient.ErrorFields(await RotaClient.ProblemAsync(bad)).Should().Equal("from");
    }

    [Fact]
    public async Task The_December_CSV_has_a_header_one_row_per_slot_and_Danish_letters_intact()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);

        using var response = await coordinator.Http.GetAsync($"{Base}/rota/export.csv?month=2026-12");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var slots = (await coordinator.Http.GetFromJsonAsync<JsonElement[]>($"{Base}/slots?from=2026-12-01&to=2026-12-31"))!;
        using var badMonth = await coordinator.Http.GetAsync($"{Base}/rota/export.csv?month=2026-13");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("date;start;end;responsible kommune;agents;notes");
        lines.Length.Should().Be(1 + 20, "December 2026 has 20 slots: Christmas Eve to Boxing Day and New Year's Eve are closed");
        (lines.Length - 1).Should().Be(slots.Length);
        lines[1].Should().Be("2026-12-01;2026-12-01T15:00+01:00;2026-12-01T22:00+01:00;Holbæk;Hanne Holm, Søren Ærenlund;");
        lines.Should().Contain(l => l.StartsWith("2026-12-07;", StringComparison.Ordinal) && l.Contains(";Sorø;", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("2026-12-28;", StringComparison.Ordinal) && l.Contains("Mia Søgaard", StringComparison.Ordinal));
        badMonth.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
