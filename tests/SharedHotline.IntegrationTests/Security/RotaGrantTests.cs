using System.Net;
using System.Net.Http.Json;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.IntegrationTests.Rota;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>A rota edit puts agents on duty for the members' citizens at once: who may make one, and whom it may name.</summary>
public sealed class RotaGrantTests
{
    private static readonly string Exceptions = $"/api/partnerships/{RotaClient.PartnershipId}/exceptions";

    [Fact]
    public async Task An_extra_slot_tonight_cannot_roster_an_agent_of_a_kommune_outside_the_partnership()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);
        var koebenhavnAgent = DemoStaff.IdOf(Demo.KoebenhavnAgent);

        using var extra = await coordinator.SendAsync(HttpMethod.Post, Exceptions,
            new { kind = "ExtraSlot", date = "2026-11-24", start = "20:00", end = "22:00", responsibleKommune = 190, agentIds = new[] { koebenhavnAgent } },
            await coordinator.ETagAsync());
        using var swap = await coordinator.SendAsync(HttpMethod.Post, Exceptions,
            new { kind = "Swap", date = "2026-11-24", fromAgentId = DemoStaff.IdOf(Demo.FuresoAgent), toAgentId = koebenhavnAgent },
            await coordinator.ETagAsync());

        extra.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        RotaClient.ErrorFields(await RotaClient.ProblemAsync(extra)).Should().Contain("agentIds");
        swap.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        RotaClient.ErrorFields(await RotaClient.ProblemAsync(swap)).Should().Contain("toAgentId");
        (await coordinator.Http.GetFromJsonAsync<object[]>(Exceptions)).Should().BeEmpty("nothing was stored");
    }

    [Theory]
    [InlineData(Demo.HolbaekAgent, 201)]
    [InlineData(RotaClient.Coordinator, 201)]
    [InlineData(Demo.KoebenhavnAgent, 400)]
    [InlineData("agent.odsherred", 400)]
    public async Task Who_a_rota_edit_may_put_on_duty_for_the_members_citizens(string agentUserName, int expected)
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.AddAsync(server, "agent.odsherred", 306, [StaffRoles.Agent]);
        using var coordinator = await RotaClient.SignInAsync(server, RotaClient.Coordinator);

        using var extra = await coordinator.SendAsync(HttpMethod.Post, Exceptions,
            new { kind = "ExtraSlot", date = "2026-11-24", start = "20:00", end = "22:00", responsibleKommune = 190, agentIds = new[] { DemoStaff.IdOf(agentUserName) } },
            await coordinator.ETagAsync());

        ((int)extra.StatusCode).Should().Be(expected, await extra.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_manages_only_the_rotas_of_partnerships_her_kommune_is_a_member_of()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        await StaffAccounts.AddAsync(server, StaffAccounts.SoroeAdmin, 340, [StaffRoles.Admin]);
        using var koebenhavnAdmin = await RotaClient.SignInAsync(server, "admin");
        using var soroeAdmin = await RotaClient.SignInAsync(server, StaffAccounts.SoroeAdmin);

        using var foreignRead = await koebenhavnAdmin.Http.GetAsync($"/api/partnerships/{RotaClient.PartnershipId}/rota");
        using var foreignEdit = await koebenhavnAdmin.SendAsync(HttpMethod.Post, Exceptions, new { kind = "Cancelled", date = "2026-11-25" }, "\"1\"");
        using var memberEdit = await soroeAdmin.SendAsync(HttpMethod.Post, Exceptions, new { kind = "Cancelled", date = "2026-11-25" }, await soroeAdmin.ETagAsync());

        foreignRead.StatusCode.Should().Be(HttpStatusCode.Forbidden, "København is the overflow partner, not a member");
        foreignEdit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        memberEdit.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Koebenhavns_citizens_are_answered_by_its_own_staff_never_by_the_partnerships_evening_rota()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var furesoOffers = new Inbox<AgentChat>();
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        mia.ChatOffered += furesoOffers.Add;
        await mia.SetPresenceAsync(Presence.Available);

        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("koebenhavn", "pas"))).Chat!;
        server.Advance(TimeSpan.FromMinutes(10));
        var queue = await mia.GetQueueAsync();

        furesoOffers.Items.Should().NotContain(o => o.ChatId == chat.ChatId, "Furesø's agent is rostered for the members' citizens only");
        queue.Chats.Should().NotContain(q => q.ChatId == chat.ChatId);
    }

    [Fact]
    public async Task The_handling_agents_right_to_read_a_transcript_ends_with_the_kommunes_retention()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Hotline:Retention:Enabled"] = "false" });
        var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
        await agent.SetPresenceAsync(Presence.Available);
        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await agent.AcceptChatAsync(chat.ChatId);
        await agent.SendAsync(chat.ChatId, "Det hjælper jeg gerne med");
        await citizen.EndChatAsync();
        using var handler = await StaffAccounts.ClientAsync(server, Demo.FuresoAgent);

        using var during = await handler.GetAsync($"/api/chats/{chat.ChatId}/transcript");
        server.Advance(TimeSpan.FromDays(91));
        using var signedInAgain = await StaffAccounts.ClientAsync(server, Demo.FuresoAgent);
        using var after = await signedInAgain.GetAsync($"/api/chats/{chat.ChatId}/transcript");

        during.StatusCode.Should().Be(HttpStatusCode.OK);
        after.StatusCode.Should().Be(HttpStatusCode.Forbidden, "Sorø keeps transcripts for 90 days, and the grant no longer");
    }
}
