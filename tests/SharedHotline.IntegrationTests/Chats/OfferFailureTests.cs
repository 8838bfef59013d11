using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class OfferFailureTests
{
    [Fact]
    public async Task When_the_database_refuses_one_offer_the_other_chats_of_the_pass_are_offered_and_that_one_waits_its_turn()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        mia.ChatOffered += offers.Add;
        var first = (await (await server.ConnectCitizenAsync()).StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        var second = (await (await server.ConnectCitizenAsync()).StartChatAsync(new StartChatRequest("soroe", "koerekort"))).Chat!;

        // The database fails to record the first chat's offer for a moment, in the pass that gives Mia both chats.
        await ExecuteAsync(server, "CREATE TRIGGER refuse_offer BEFORE UPDATE ON chats WHEN upper(OLD.Id) = upper('" + first.ChatId + "') BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;");
        await mia.SetPresenceAsync(Presence.Available);

        (await offers.WaitForAsync(o => o.ChatId == second.ChatId)).Status.Should().Be(ChatStatus.Assigned, "the second chat does not wait for the first one's failure");
        offers.Items.Should().NotContain(o => o.ChatId == first.ChatId);
        await ExecuteAsync(server, "DROP TRIGGER refuse_offer;");
        server.Advance(LiveStateMaintenance.Interval);

        (await offers.WaitForAsync(o => o.ChatId == first.ChatId)).Status.Should().Be(ChatStatus.Assigned, "the first chat waited in the queue and is offered by the next pass");
    }

    private static async Task ExecuteAsync(HotlineServer server, string sql)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
