using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using SharedHotline.Testing;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests;

/// <summary>A rolling upgrade as the citizen and the agent see it in their browsers: their node drains mid-chat.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RollingUpgradeTests(BrowserFixture browser)
{
    [Fact]
    public async Task When_their_node_drains_mid_chat_the_citizen_and_Mia_go_on_chatting_through_the_other_node()
    {
        await using var redis = await RedisServer.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "sharedhotline-browser-tests", "roll-" + Guid.NewGuid().ToString("N"));
        var prefix = "roll-" + Guid.NewGuid().ToString("N")[..8];
        Dictionary<string, string?> Settings(string node) => new()
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Hotline:Redis:Prefix"] = prefix,
            ["Hotline:Redis:NodeId"] = node,
            ["Hotline:DataFolder"] = folder,
        };
        await using var nodeA = await HotlineSite.StartAsync(Demo.TuesdayEvening, Settings("node-a"));
        await using var nodeB = await HotlineSite.StartAsync(Demo.TuesdayEvening, Settings("node-b"));
        await using var balancer = new LoadBalancer(nodeA.BaseAddress, nodeB.BaseAddress);
        await balancer.WaitUntilReadyAsync();

        // Both pages reach node A through the balancer; Mia takes the citizen's chat.
        await using var citizenContext = await browser.NewContextAsync(balancer.BaseAddress);
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync("/soroe/chat");
        await citizen.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Pas" });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        var status = citizen.Locator(".chat-status");
        await Expect(status).ToContainTextAsync("Du er den næste i køen.");

        await using var agentContext = await browser.NewContextAsync(balancer.BaseAddress);
        var agent = await agentContext.NewPageAsync();
        await PageChecks.SignInAsync(agent, Demo.FuresoAgent, "/agent");
        await agent.GetByLabel("Ledig").ClickAsync();
        await Expect(agent.Locator(".presence-now")).ToContainTextAsync("ledig");
        var panel = agent.Locator("article.agent-chat");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Tag imod chatten" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Du chatter med Mia.");
        await citizen.GetByLabel("Skriv en besked").FillAsync("Mit pas er udløbet.");
        await citizen.GetByLabel("Skriv en besked").PressAsync("Enter");
        await Expect(panel.Locator(".messages")).ToContainTextAsync("Mit pas er udløbet.");
        balancer.Given[1].Should().Be(0, "node B has had no connection yet");

        // Node A drains and stops (a rolling upgrade's step): both pages move to node B by themselves.
        await nodeA.StopAsync();
        await citizen.GetByLabel("Skriv en besked").FillAsync("Er du der stadig?");
        await citizen.GetByLabel("Skriv en besked").PressAsync("Enter");
        await Expect(panel.Locator(".messages")).ToContainTextAsync("Er du der stadig?", new() { Timeout = 30_000 });
        await Expect(citizen.Locator(".msg--mine .msg__state").Last).ToHaveTextAsync("Sendt 20.30");
        await panel.GetByLabel("Svar til borgeren").FillAsync("Ja, jeg er her. Bestil tid i borgerservice.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(citizen.Locator(".messages")).ToContainTextAsync("Ja, jeg er her.");
        balancer.Given[1].Should().BePositive("the pages reached node B");

        // Nothing went back to the queue: still Mia's chat, Mia still available, the queue empty.
        await Expect(status).ToHaveTextAsync("Du chatter med Mia.");
        await Expect(agent.Locator(".presence-now")).ToContainTextAsync("ledig");
        await Expect(agent.Locator(".queue-summary")).ToHaveTextAsync("Ingen venter i din kø.");
        await Expect(citizen.Locator(".messages")).ToContainTextAsync("Mit pas er udløbet.");
        await Expect(citizen.Locator(".msg--mine")).ToHaveCountAsync(2);
    }
}
