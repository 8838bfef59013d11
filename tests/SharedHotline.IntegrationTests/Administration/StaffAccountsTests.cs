using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using static SharedHotline.IntegrationTests.Administration.SettingsClient;

namespace SharedHotline.IntegrationTests.Administration;

public sealed class StaffAccountsTests
{
    private const string Password = "foraarsdag-i-farum";
    private static readonly string[] AgentRole = ["agent"];
    private static readonly string[] AgentAndAdmin = ["agent", "admin"];
    private static readonly string[] PasAndMitid = ["pas", "mitid"];
    private static readonly string[] Pas = ["pas"];
    private static readonly string[] Sygedagpenge = ["sygedagpenge"];
    private static readonly string[] Superuser = ["superuser"];
    private static readonly string[] Rumrejser = ["rumrejser"];

    [Fact]
    public async Task Furesøs_admin_creates_an_agent_who_signs_in_and_changes_her_capacity_topics_and_password_each_audited()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server, FuresoAdmin);

        using var created = await admin.PostAsJsonAsync("/api/kommuner/fureso/staff", new { userName = "Nora.Fureso", displayName = "Nora Ibsen", password = Password, roles = AgentRole, skills = PasAndMitid, capacity = 2 });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var nora = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = nora.GetProperty("id").GetGuid();
        nora.GetProperty("userName").GetString().Should().Be("nora.fureso");
        var token = await server.SignInAsync("nora.fureso", Password);
        server.Time.Advance(TimeSpan.FromSeconds(1));

        using var changed = await admin.PutAsJsonAsync($"/api/kommuner/fureso/staff/{id}", new { displayName = "Nora Ibsen", roles = AgentAndAdmin, skills = Sygedagpenge, capacity = 4 });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Time.Advance(TimeSpan.FromSeconds(1));
        using var reset = await admin.PostAsJsonAsync($"/api/kommuner/fureso/staff/{id}/password", new { password = "ny-kode-efter-ferien" });
        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var old = new HttpClient { BaseAddress = server.BaseAddress };
        old.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await old.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a new password ends the account's sessions");
        (await server.SignInAsync("nora.fureso", "ny-kode-efter-ferien")).Should().NotBeNullOrEmpty();
        var list = await admin.GetFromJsonAsync<JsonElement[]>("/api/kommuner/fureso/staff");
        var listed = list!.Single(s => s.GetProperty("id").GetGuid() == id);
        listed.GetProperty("capacity").GetInt32().Should().Be(4);
        listed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo(["agent", "admin"]);

        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/kommuner/fureso/audit");
        audit!.Select(a => a.GetProperty("action").GetString()).Should().Equal("staff.password-reset", "staff.updated", "staff.created");
        audit.Should().OnlyContain(a => a.GetProperty("target").GetString() == "nora.fureso" && a.GetProperty("changedByName").GetString() == "Louise Friis");
        audit[1].GetProperty("before").GetString().Should().Contain("\"capacity\":2");
        audit[1].GetProperty("after").GetString().Should().Contain("\"capacity\":4");
        string.Concat(audit.Select(a => a.GetRawText())).Should().NotContain(Password).And.NotContain("ny-kode-efter-ferien");
    }

    [Fact]
    public async Task A_new_agents_capacity_and_topics_route_chats_to_her()
    {
        await using var server = await HotlineServer.StartAsync(Demo.WednesdayMorning);
        using var admin = await AdminAsync(server, FuresoAdmin);
        (await admin.PostAsJsonAsync("/api/kommuner/fureso/staff", new { userName = "nora.fureso", displayName = "Nora Ibsen", password = Password, roles = AgentRole, skills = Pas, capacity = 1 })).EnsureSuccessStatusCode();

        var token = await server.SignInAsync("nora.fureso", Password);
        await using var nora = new SharedHotline.Client.Agents.AgentHubClient(server.BaseAddress, () => Task.FromResult<string?>(token));
        await nora.ConnectAsync();
        var session = await nora.SetPresenceAsync(Presence.Available);

        session.ServingKommuner.Should().Contain("fureso", "Furesø's own hours are open on Wednesday morning");
    }

    [Fact]
    public async Task Bad_staff_accounts_are_refused_naming_each_field_and_an_admin_cannot_take_away_their_own_admin_role()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var admin = await AdminAsync(server, FuresoAdmin);

        using var bad = await admin.PostAsJsonAsync("/api/kommuner/fureso/staff", new { userName = "mia.fureso", displayName = " ", password = "kort", roles = Superuser, skills = Rumrejser, capacity = 40 });
        using var self = await admin.PutAsJsonAsync($"/api/kommuner/fureso/staff/{SharedHotline.Infrastructure.Seeding.DemoStaff.IdOf(FuresoAdmin)}", new { displayName = "Louise Friis", roles = AgentRole, skills = Array.Empty<string>(), capacity = 3 });

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(bad);
        problem.GetProperty("code").GetString().Should().Be("invalid_argument");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["userName", "displayName", "password", "roles", "skills", "capacity"]);
        self.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(self)).GetProperty("errors").GetProperty("roles")[0].GetString().Should().Contain("own admin role");
    }
}
