using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Routing;
using SharedHotline.IntegrationTests.Administration;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Invitations;
using static SharedHotline.IntegrationTests.Invitations.InvitationClient;

namespace SharedHotline.IntegrationTests.Invitations;

/// <summary>
/// Tuesday 20:30: Furesø has the shared slot, and Mia (Furesø) is rostered. Furesø's admin lets the passport pages of
/// www.furesoe.dk invite; the server invites only while Mia has a free place, never more invitations than places.
/// </summary>
public sealed class InvitationsTests
{
    [Fact]
    public async Task The_rules_are_saved_against_the_ETag_refused_by_field_and_audited()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server);

        using (var blind = await PutRulesAsync(admin, "fureso", Rules(), null))
        {
            blind.StatusCode.Should().Be(HttpStatusCode.PreconditionRequired);
        }

        using var read = await admin.GetAsync("/api/kommuner/fureso/invitation-settings");
        var etag = read.Headers.ETag!.ToString();
        var bad = Rules();
        bad["pages"]![0]!["pattern"] = "borger/pas";
        bad["pages"]![0]!["topic"] = "heste";
        bad["hours"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["day"] = "Tuesday", ["from"] = "21:00", ["to"] = "17:00" });
        using (var refused = await PutRulesAsync(admin, "fureso", bad, etag))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            var errors = (await SettingsClient.ProblemAsync(refused)).GetProperty("errors");
            errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["pages[0].pattern", "pages[0].topic", "hours[0].to"]);
        }

        using (var saved = await PutRulesAsync(admin, "fureso", Rules(), etag))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var stale = await PutRulesAsync(admin, "fureso", Rules(delaySeconds: 5), etag))
        {
            stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        }

        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/kommuner/fureso/audit");
        audit!.Should().ContainSingle(a => a.GetProperty("action").GetString() == "settings.invitations")
            .Which.GetProperty("after").GetString().Should().Contain("/borger/pas*");
        var rules = await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/fureso/invitations/rules");
        rules.GetProperty("enabled").GetBoolean().Should().BeTrue("the widget reads the rules at once");
        rules.GetProperty("pages")[0].GetProperty("delaySeconds").GetInt32().Should().Be(20);
    }

    [Fact]
    public async Task Invitations_follow_the_free_places_of_the_rostered_pool_and_each_is_counted_once_as_shown_and_as_how_it_ended()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server);
        await SetRulesAsync(admin, "fureso", Rules());

        (await AskAsync(server.Http)).GetProperty("reason").GetString().Should().Be("busy", "nobody who would answer is signed in");
        (await AskAsync(server.Http, page: "https://www.furesoe.dk/borger/koerekort")).GetProperty("reason").GetString().Should().Be("page");
        (await AskAsync(server.Http, page: "https://evil.example/borger/pas")).GetProperty("reason").GetString().Should().Be("page", "only the kommune's own websites");

        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        mia.ChatOffered += offers.Add;
        var session = await mia.SetPresenceAsync(Presence.Available);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AskAsync(server.Http)));
        var invited = answers.Where(a => a.GetProperty("invite").GetBoolean()).ToList();
        invited.Should().HaveCount(session.Capacity, "twenty pages at once get exactly Mia's free places");
        invited[0].GetProperty("text").GetString().Should().Be("Sidder du fast med dit pas? Vi har tid lige nu.");
        invited[0].GetProperty("topic").GetString().Should().Be("pas");

        // One declines (its place is free again and asked for at once), one accepts, the rest run out.
        using (var declined = await server.Http.PostAsync($"/api/kommuner/fureso/invitations/{invited[0].GetProperty("invitationId").GetGuid()}/decline", null))
        {
            declined.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var again = await AskAsync(server.Http, trigger: "failed-step");
        again.GetProperty("invite").GetBoolean().Should().BeTrue("the declined invitation's place is free again");
        var citizen = await server.ConnectCitizenAsync();
        var accepted = invited[1].GetProperty("invitationId").GetGuid();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("fureso", "pas", null, new InvitationContext(accepted, PassPage + "?cpr=0101011234", "Pas – Furesø Kommune")))).Chat!;
        var offer = await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        offer.InvitedFrom.Should().Be(new InvitedFrom(PassPage, "Pas – Furesø Kommune"), "the agent sees the page, never its query");
        offer.Topic.Should().Be("pas");

        // Every invitation neither declined nor accepted runs out (the one asked again included), each taken once
        // whether this sweep or the node's own timer takes it.
        server.Advance(InvitationService.Hold + TimeSpan.FromSeconds(1));
        await server.Services.GetRequiredService<InvitationExpiry>().SweepAsync(default);
        (await server.Services.GetRequiredService<InvitationExpiry>().SweepAsync(default)).Should().Be(0);

        using var stats = await StaffAccounts.ClientAsync(server, SettingsClient.FuresoAdmin);
        var shown = session.Capacity + 1;
        var figures = await WaitForAsync(stats, i => i.GetProperty("shown").GetInt32() == shown && i.GetProperty("expired").GetInt32() == shown - 2);
        figures.GetProperty("accepted").GetInt32().Should().Be(1);
        figures.GetProperty("declined").GetInt32().Should().Be(1);
        var csv = await stats.GetStringAsync("/api/statistics/kommuner/fureso/days.csv");
        csv.Should().Contain("Invitationer vist;Invitationer accepteret;Invitationer afvist;Invitationer udløbet");
    }

    [Fact]
    public async Task No_invitation_while_the_agent_is_away_outside_the_time_of_day_rule_or_when_the_rules_are_off()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        await mia.SetPresenceAsync(Presence.Available);
        (await AskAsync(server.Http)).GetProperty("reason").GetString().Should().Be("off");

        var evenings = Rules();
        evenings["hours"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["day"] = "Tuesday", ["from"] = "17:00", ["to"] = "20:00" });
        await SetRulesAsync(admin, "fureso", evenings);
        (await AskAsync(server.Http)).GetProperty("reason").GetString().Should().Be("hours");

        await SetRulesAsync(admin, "fureso", Rules());
        await mia.SetPresenceAsync(Presence.Away);
        await server.WaitForPresenceAsync((await mia.GetSessionAsync()).AgentId, PresenceStatus.Away);
        (await AskAsync(server.Http)).GetProperty("reason").GetString().Should().Be("busy");
    }

    [Fact]
    public async Task Another_kommunes_route_cannot_end_Furesøs_invitation_and_an_English_page_is_invited_in_English()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server);
        await SetRulesAsync(admin, "fureso", Rules());
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var session = await mia.SetPresenceAsync(Presence.Available);
        var invited = new List<Guid>();
        for (var i = 0; i < session.Capacity; i++)
        {
            invited.Add((await AskAsync(server.Http)).GetProperty("invitationId").GetGuid());
        }

        (await server.Http.PostAsync($"/api/kommuner/soroe/invitations/{invited[0]}/decline", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await AskAsync(server.Http)).GetProperty("reason").GetString().Should().Be("busy", "Sorø's route did not free Furesø's place");

        (await server.Http.PostAsync($"/api/kommuner/fureso/invitations/{invited[0]}/decline", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var english = await AskAsync(server.Http, lang: "en");
        english.GetProperty("invite").GetBoolean().Should().BeTrue();
        english.GetProperty("text").GetString().Should().Be("Stuck with your passport? We have time right now.", "an English page gets the English text");
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient stats, Func<JsonElement, bool> done)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var invitations = (await stats.GetFromJsonAsync<JsonElement>("/api/statistics/kommuner/fureso")).GetProperty("kommuner")[0].GetProperty("invitations");
            if (done(invitations))
            {
                return invitations;
            }

            DateTime.UtcNow.Should().BeBefore(until, "the projection should have counted the invitations: {0}", invitations);
            await Task.Delay(100);
        }
    }
}
