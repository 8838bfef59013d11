using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Testing;

namespace SharedHotline.IntegrationTests.ScaleOut;

/// <summary>The same hotline on a real PostgreSQL server, with its own migrations applied at start-up.</summary>
public sealed class PostgresTests
{
    [Fact]
    public async Task On_PostgreSQL_a_chat_is_stored_idempotently_with_Danish_letters_and_survives_a_restart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Hotline:Database"] = "postgres",
            ["ConnectionStrings:Hotline"] = await postgres.CreateDatabaseAsync(),
        };
        string token;
        await using (var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings))
        {
            var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
            var offers = new Inbox<AgentChat>();
            agent.ChatOffered += offers.Add;
            await agent.SetPresenceAsync(Presence.Available);
            var citizen = await server.ConnectCitizenAsync();
            var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas", "Åse Ørbæk"))).Chat!;
            await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
            await agent.AcceptChatAsync(chat.ChatId);

            var first = await citizen.SendAsync("Hvornår åbner Sorø borgerservice? ÆØÅ æøå", "pg-1");
            var again = await citizen.SendAsync("Hvornår åbner Sorø borgerservice? ÆØÅ æøå", "pg-1");
            await agent.SendAsync(chat.ChatId, "I morgen kl. 9.");
            again.Duplicate.Should().BeTrue();
            again.Seq.Should().Be(first.Seq);
            var kommuner = await server.Http.GetFromJsonAsync<JsonElement[]>("/api/kommuner");
            kommuner!.Select(k => k.GetProperty("name").GetString()).Should().Contain(["Furesø", "Holbæk", "Sorø", "København"]);
            token = citizen.SessionToken!;
        }

        await using var restarted = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings);
        await using var resumed = new CitizenHubClient(restarted.BaseAddress);
        await resumed.ConnectAsync();
        var history = (await resumed.ResumeAsync(token)).Messages;

        var stored = history.Should().ContainSingle(m => m.ClientMessageId == "pg-1").Which;
        stored.Text.Should().Be("Hvornår åbner Sorø borgerservice? ÆØÅ æøå");
        stored.SenderName.Should().Be("Åse Ørbæk", "the chat's citizen name is written with the message in the same command");
        history.Should().Contain(m => m.Text == "I morgen kl. 9." && m.SenderName == "Mia");
        history.Select(m => m.Seq).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await restarted.Http.GetStringAsync("/health/ready")).Should().Be("Healthy");
    }

    [Fact]
    public async Task On_PostgreSQL_an_agent_who_becomes_available_is_offered_every_waiting_chat_up_to_capacity_each_with_what_its_citizen_wrote()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?>
        {
            ["Hotline:Database"] = "postgres",
            ["ConnectionStrings:Hotline"] = await postgres.CreateDatabaseAsync(),
        });
        var agent = await server.ConnectAgentAsync(Demo.FuresoAgent);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        var waiting = new List<(Guid ChatId, string Name, Inbox<ChatStateChanged> States)>();
        foreach (var (kommune, name) in new[] { ("soroe", "Åse"), ("holbaek", "Bo"), ("fureso", "Cai") })
        {
            var citizen = await server.ConnectCitizenAsync();
            var states = new Inbox<ChatStateChanged>();
            citizen.StateChanged += states.Add;
            var chat = (await citizen.StartChatAsync(new StartChatRequest(kommune, "pas", name))).Chat!;
            await citizen.SendAsync($"Hej, det er {name}.", $"{name}-1");
            waiting.Add((chat.ChatId, name, states));
        }

        // One routing pass now assigns all three (her capacity), and their offers go out side by side.
        await agent.SetPresenceAsync(Presence.Available);

        foreach (var (chatId, name, states) in waiting)
        {
            var offer = await offers.WaitForAsync(o => o.ChatId == chatId);
            offer.CitizenName.Should().Be(name);
            offer.Messages.Should().ContainSingle(m => m.Sender == Sender.Citizen).Which.Text.Should().Be($"Hej, det er {name}.");
            await states.WaitForAsync(s => s.ChatId == chatId && s.Status == ChatStatus.Assigned);
        }

        offers.Items.Select(o => o.ChatId).Should().OnlyHaveUniqueItems("each chat is offered once");
    }
}
