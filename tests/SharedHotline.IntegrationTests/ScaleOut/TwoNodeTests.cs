using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.ScaleOut;

public sealed class TwoNodeTests
{
    [Fact]
    public async Task A_citizen_on_node_A_is_answered_by_an_agent_on_node_B_and_everything_flows_both_ways()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening);
        var agent = await cluster.NodeB.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        var agentMessages = new Inbox<ChatMessage>();
        var agentTyping = new Inbox<TypingSignal>();
        agent.ChatOffered += offers.Add;
        agent.MessageReceived += agentMessages.Add;
        agent.Typing += agentTyping.Add;

        var waiting = await cluster.NodeA.ConnectCitizenAsync();
        var queue = new Inbox<QueueStatus>();
        waiting.QueueUpdated += queue.Add;
        var first = await cluster.NodeB.ConnectCitizenAsync();
        var firstChat = (await first.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        var chat = (await waiting.StartChatAsync(new StartChatRequest("holbaek", "pas"))).Chat!;
        chat.Queue!.Position.Should().Be(2, "the citizen on node B was first");

        await first.EndChatAsync();
        (await queue.WaitForAsync(q => q.Position == 1)).QueueLength.Should().Be(1, "the citizen on node B left the queue");

        await agent.SetPresenceAsync(Presence.Available);
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        offers.Items.Should().NotContain(o => o.ChatId == firstChat.ChatId);
        await agent.AcceptChatAsync(chat.ChatId);

        var citizenMessages = new Inbox<ChatMessage>();
        var citizenTyping = new Inbox<TypingSignal>();
        waiting.MessageReceived += citizenMessages.Add;
        waiting.Typing += citizenTyping.Add;
        await waiting.SetTypingAsync(true);
        (await agentTyping.WaitForAsync(t => t.ChatId == chat.ChatId)).IsTyping.Should().BeTrue();
        await waiting.SendAsync("Hej fra node A");
        (await agentMessages.WaitForAsync(m => m.Text == "Hej fra node A")).Sender.Should().Be(Sender.Citizen);
        await agent.SetTypingAsync(chat.ChatId, true);
        (await citizenTyping.WaitForAsync(t => t.Sender == Sender.Agent)).IsTyping.Should().BeTrue();
        await agent.SendAsync(chat.ChatId, "Hej fra node B");
        (await citizenMessages.WaitForAsync(m => m.Text == "Hej fra node B")).Sender.Should().Be(Sender.Agent);
    }

    [Fact]
    public async Task Hundred_chats_and_twenty_agents_on_two_nodes_racing_assign_every_chat_once_and_nobody_above_capacity()
    {
        await using var cluster = await Cluster.StartAsync(Demo.TuesdayEvening);
        var agentNames = await RosterExtraAgentsAsync(cluster, 20);
        var agents = new List<Client.Agents.AgentHubClient>();
        for (var i = 0; i < agentNames.Count; i++)
        {
            agents.Add(await (i % 2 == 0 ? cluster.NodeA : cluster.NodeB).ConnectAgentAsync(agentNames[i]));
        }

        var citizens = new List<Client.Citizens.CitizenHubClient>();
        for (var i = 0; i < 100; i++)
        {
            citizens.Add(await (i % 2 == 0 ? cluster.NodeA : cluster.NodeB).ConnectCitizenAsync());
        }

        var starts = citizens.Select((c, n) => (Task)Task.Run(() => c.StartChatAsync(new StartChatRequest(n % 2 == 0 ? "soroe" : "fredensborg", "pas"))));
        var presences = agents.Select(a => (Task)Task.Run(() => a.SetPresenceAsync(Presence.Available)));
        var grabs = agents.Select(a => Task.Run(async () =>
        {
            for (var round = 0; round < 10; round++)
            {
                foreach (var waiting in (await a.GetQueueAsync()).Chats.Take(3))
                {
                    try
                    {
                        await a.AcceptChatAsync(waiting.ChatId);
                    }
                    catch (HotlineHubException)
                    {
                        // Another agent or the router was faster, or this agent is full: that is the race.
                    }
                }
            }
        }));
        await Task.WhenAll(starts.Concat(presences).Concat(grabs));
        await cluster.TickAsync();

        await using var scope = cluster.NodeA.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var chats = await db.Chats.AsNoTracking().ToListAsync();
        chats.Should().HaveCount(100);
        var assigned = chats.Where(c => c.AgentId is not null).ToList();
        assigned.Should().HaveCount(60, "twenty agents with capacity three hold sixty chats; the rest wait");
        assigned.GroupBy(c => c.AgentId).Should().HaveCount(20).And.OnlyContain(g => g.Count() == 3);
        chats.Where(c => c.AgentId is null).Should().OnlyContain(c => c.State == Domain.Chats.ChatState.Queued);
        var sessions = await Task.WhenAll(agents.Select(a => a.GetSessionAsync()));
        sessions.Should().OnlyContain(s => s.Chats.Count == 3);
        sessions.SelectMany(s => s.Chats.Select(c => c.ChatId)).Should().OnlyHaveUniqueItems();
    }

    /// <summary>Adds <paramref name="count"/> agents from Furesø (this week's responsible kommune) and rosters them on tonight's slot.</summary>
    private static async Task<List<string>> RosterExtraAgentsAsync(Cluster cluster, int count)
    {
        await using var scope = cluster.NodeA.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<StaffAccount>>();
        var names = Enumerable.Range(1, count).Select(n => $"vikar{n:00}.fureso").ToList();
        var template = new StaffAccount { UserName = "x", DisplayName = "x" };
        var hash = hasher.HashPassword(template, HotlineServer.DemoPassword);
        var accounts = names.Select(n => new StaffAccount
        {
            Id = Guid.NewGuid(), UserName = n, DisplayName = "Vikar " + n[5..7], HomeKommune = 190,
            Roles = [StaffRoles.Agent], Skills = ["pas"], Capacity = 3, PasswordHash = hash,
        }).ToList();
        db.Staff.AddRange(accounts);
        var partnership = await db.Partnerships.SingleAsync();
        var rota = partnership.Rota;
        partnership.Rota = rota with
        {
            Patterns = rota.Patterns.Select(p => p with
            {
                Rotation = p.Rotation with
                {
                    Turns = p.Rotation.Turns.Select(t => t.KommuneKode == 190 ? t with { AgentIds = accounts.Select(a => a.Id).ToList() } : t).ToList(),
                },
            }).ToList(),
        };
        partnership.Version++;
        await db.SaveChangesAsync();
        cluster.NodeA.Services.GetRequiredService<Server.Rota.RotaProvider>().Invalidate();
        cluster.NodeB.Services.GetRequiredService<Server.Rota.RotaProvider>().Invalidate();
        return names;
    }
}
