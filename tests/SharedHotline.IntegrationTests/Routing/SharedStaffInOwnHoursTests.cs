using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Statistics;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;
using SharedHotline.Server.Rota;

namespace SharedHotline.IntegrationTests.Routing;

/// <summary>
/// Thursday 16:00: Sorø's own hours and the shared slot overlap. Whether the rostered Furesø agent answers Sorø's
/// citizens then is Sorø's setting; the status page says who will answer, and the settlement counts a partner's answer
/// as the shared rota's.
/// </summary>
public sealed class SharedStaffInOwnHoursTests
{
    private static readonly DateTimeOffset ThursdayAfternoon = new(2026, 11, 26, 16, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task A_kommune_that_keeps_its_own_hours_to_itself_is_not_answered_by_the_partnership_and_its_page_promises_only_its_own_staff()
    {
        await using var server = await HotlineServer.StartAsync(ThursdayAfternoon);
        await SorøChoosesAsync(server, null);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        mia.ChatOffered += offers.Add;
        await mia.SetPresenceAsync(Presence.Available);

        var status = await StatusAsync(server);
        status.GetProperty("sharedFallback").ValueKind.Should().Be(JsonValueKind.Null);
        status.GetProperty("staffing").GetString().Should().Be("unstaffed", "Mia is signed in, but she may not answer Sorø in Sorø's own hours");

        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        server.Advance(TimeSpan.FromMinutes(10));
        await server.Services.GetRequiredService<LiveStateMaintenance>().RunOnceAsync(CancellationToken.None);

        (await mia.GetQueueAsync()).Chats.Should().NotContain(c => c.ChatId == chat.ChatId);
        offers.Items.Should().BeEmpty();
        var bo = await server.ConnectAgentAsync(Demo.SoroeAgent);
        var boOffers = new Inbox<AgentChat>();
        bo.ChatOffered += boOffers.Add;
        await bo.SetPresenceAsync(Presence.Available);
        (await boOffers.WaitForAsync(c => c.ChatId == chat.ChatId)).Kommune.Should().Be("soroe");
    }

    [Fact]
    public async Task A_kommune_that_lets_the_partnership_answer_names_it_on_its_page_and_the_partners_answer_is_settled_as_the_shared_rotas()
    {
        await using var server = await HotlineServer.StartAsync(ThursdayAfternoon);
        await SorøChoosesAsync(server, TimeSpan.Zero);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        mia.ChatOffered += offers.Add;
        await mia.SetPresenceAsync(Presence.Available);

        var fallback = (await StatusAsync(server)).GetProperty("sharedFallback");
        fallback.GetProperty("responsibleKommune").GetProperty("name").GetString().Should().Be("Furesø");
        fallback.GetProperty("afterSeconds").GetInt32().Should().Be(0);

        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await offers.WaitForAsync(c => c.ChatId == chat.ChatId);
        await mia.AcceptChatAsync(chat.ChatId);

        var servedIn = await StaffAccounts.WithDbAsync(server, db => db.Chats.Where(c => c.Id == chat.ChatId).Select(c => c.ServedIn).SingleAsync());
        servedIn.Should().Be(ServedIn.Shared, "Furesø answered on the shared rota, though it was Sorø's own hours");
    }

    [Fact]
    public async Task A_kommune_that_lets_the_partnership_answer_after_two_minutes_says_so_and_its_chat_reaches_the_partner_then()
    {
        await using var server = await HotlineServer.StartAsync(ThursdayAfternoon);
        await SorøChoosesAsync(server, TimeSpan.FromMinutes(2));
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        mia.ChatOffered += offers.Add;
        await mia.SetPresenceAsync(Presence.Available);
        (await StatusAsync(server)).GetProperty("sharedFallback").GetProperty("afterSeconds").GetInt32().Should().Be(120);

        var citizen = await server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        chat.Status.Should().Be(ChatStatus.Queued, "for two minutes only Sorø's own staff may take it");

        server.Advance(TimeSpan.FromMinutes(2) + LiveStateMaintenance.Interval);
        await server.Services.GetRequiredService<LiveStateMaintenance>().RunOnceAsync(CancellationToken.None);

        (await offers.WaitForAsync(c => c.ChatId == chat.ChatId)).Kommune.Should().Be("soroe");
    }

    private static async Task SorøChoosesAsync(HotlineServer server, TimeSpan? after)
    {
        await StaffAccounts.WithDbAsync(server, async db =>
        {
            var soroe = await db.Kommuner.SingleAsync(k => k.Slug == "soroe");
            soroe.Settings = soroe.Settings.WithSharedStaffInOwnHoursAfter(after);
            return await db.SaveChangesAsync();
        });
        server.Services.GetRequiredService<RotaProvider>().Invalidate();
    }

    private static async Task<JsonElement> StatusAsync(HotlineServer server) =>
        await server.Http.GetFromJsonAsync<JsonElement>("/api/kommuner/soroe/status");
}
