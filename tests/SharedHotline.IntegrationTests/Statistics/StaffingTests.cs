using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Statistics;

/// <summary>The rota is checked against the demand of the last eight weeks: a busy Tuesday evening needs more than two agents.</summary>
public sealed class StaffingTests
{
    private const string Partnership = "nordsjaelland-vestsjaelland";
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Fact]
    public async Task A_Tuesday_evening_that_drew_forty_chats_an_hour_for_eight_weeks_is_named_under_staffed_and_a_quiet_Friday_is_not()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.WithDbAsync(server, db =>
        {
            var number = 0;
            for (var week = 1; week <= 8; week++)
            {
                var local = new DateTime(2026, 11, 24, 19, 0, 0).AddDays(-7 * week);
                var hour = new DateTimeOffset(local, Copenhagen.GetUtcOffset(local));
                for (var i = 0; i < 40; i++)
                {
                    var start = hour.AddSeconds(i * 90);
                    db.Chats.Add(new ChatRecord
                    {
                        Id = Guid.NewGuid(), Reference = $"FRB-T{++number:D5}", KommuneKode = 210, Topic = "pas", State = ChatState.Ended, CreatedAt = start,
                        FirstAcceptedAt = start.AddSeconds(30), AcceptedAt = start.AddSeconds(30), AnsweredByKommune = 250, ServedIn = ServedIn.Shared, EndedAt = start.AddMinutes(10),
                    });
                }
            }

            return db.SaveChangesAsync();
        });
        using var admin = await StaffAccounts.ClientAsync(server, "admin");
        (await admin.PostAsync("/api/statistics/rebuild", null)).EnsureSuccessStatusCode();
        using var coordinator = await StaffAccounts.ClientAsync(server, "koordinator");

        var staffing = await coordinator.GetFromJsonAsync<JsonElement>($"/api/statistics/partnerships/{Partnership}/staffing?from=2026-11-30&to=2026-12-04");
        var conflicts = await coordinator.GetFromJsonAsync<JsonElement>($"/api/partnerships/{Partnership}/conflicts?from=2026-11-30&to=2026-12-04");

        var slots = staffing.GetProperty("slots").EnumerateArray().ToList();
        var tuesday = slots.Single(s => s.GetProperty("start").GetDateTimeOffset().Date == new DateTime(2026, 12, 1));
        tuesday.GetProperty("level").GetString().Should().Be("under", tuesday.ToString() + staffing.GetProperty("concurrency"));
        tuesday.GetProperty("needed").GetInt32().Should().BeGreaterThan(tuesday.GetProperty("rostered").GetInt32());
        tuesday.GetProperty("forecastChatsPerHour").GetDouble().Should().BeApproximately(35, 0.01, "seven of the eight Tuesdays lie in the eight weeks before now (Tuesday 20:30), the eighth began an hour before them");
        slots.Single(s => s.GetProperty("start").GetDateTimeOffset().Date == new DateTime(2026, 12, 4)).GetProperty("level").GetString().Should().NotBe("under");
        var below = conflicts.EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "BelowForecast").ToList();
        below.Should().ContainSingle().Which.GetProperty("date").GetString().Should().Be("2026-12-01");
        below[0].GetProperty("needed").GetInt32().Should().Be(tuesday.GetProperty("needed").GetInt32());
    }
}
