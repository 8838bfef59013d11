using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Citizens;

[Collection(BrowserCollection.Name)]
public sealed class ChatTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_Sorø_citizen_on_the_kommune_website_chats_with_Mia_from_queue_to_transcript_and_end()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var citizenContext = await browser.NewContextAsync(site, phone: true);
        await using var website = await KommuneWebsite.StartAsync(site);
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync(website.Address);
        var widget = citizen.FrameLocator("iframe[data-sharedhotline=soroe]");

        // Before the chat: open now, who answers, topic, first name, privacy note.
        await widget.GetByRole(AriaRole.Button, new() { Name = "Chat med Sorø Kommune" }).ClickAsync();
        await Expect(widget.GetByText("Chatten er åben, men ingen er logget på endnu")).ToBeVisibleAsync();
        await Expect(widget.GetByText("Ingen medarbejder er logget på endnu")).ToBeVisibleAsync();
        await Expect(widget.GetByText("Lige nu har Furesø Kommune vagten")).ToBeVisibleAsync();
        await Expect(widget.GetByText("Skriv aldrig dit CPR-nummer")).ToBeVisibleAsync();
        await PageChecks.ExpectAccessibleAsync(citizen, "citizen-widget-start-phone");
        await widget.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Pas" });
        await widget.GetByLabel("Dit fornavn (valgfrit)").FillAsync("Karen");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();

        // Waiting: the receipt with a reference, and the place in the queue (nobody is signed in yet).
        var status = widget.Locator(".chat-status");
        await Expect(widget.Locator(".reference")).ToContainTextAsync("SOR-");
        await Expect(widget.Locator(".messages")).ToContainTextAsync("Vi har modtaget dit spørgsmål om Pas");
        await Expect(status).ToContainTextAsync("Du er den næste i køen.");
        var reference = (await widget.Locator(".reference").InnerTextAsync()).Replace("Reference: ", "", StringComparison.Ordinal).Trim();
        await PageChecks.ExpectAccessibleAsync(citizen, "citizen-widget-queued-phone");

        // Mia signs in, sees her slot and goes available: the chat is offered to her with an alert.
        await using var agentContext = await browser.NewContextAsync(site);
        var agent = await agentContext.NewPageAsync();
        await PageChecks.SignInAsync(agent, Demo.FuresoAgent, "/agent");
        await Expect(agent.Locator(".shift-now")).ToContainTextAsync("Nu: tirsdag 24. november 15.00–22.00");
        await Expect(agent.Locator(".serving")).ToContainTextAsync("Sorø");
        await Expect(agent.Locator(".queue-summary")).ToContainTextAsync("Venter: 1");
        await agent.GetByLabel("Ledig").ClickAsync();
        await Expect(agent.Locator(".presence-now")).ToContainTextAsync("ledig");
        await Expect(agent.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Ny chat" })).ToContainTextAsync("Ny chat: en borger fra Sorø om Pas.");
        var panel = agent.Locator("article.agent-chat");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Karen · Sorø Kommune" })).ToBeVisibleAsync();
        await Expect(panel.Locator(".panel-meta")).ToContainTextAsync(reference);
        await Expect(status).ToHaveTextAsync("En medarbejder har fået din chat og svarer om lidt.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Tag imod chatten" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Du chatter med Mia.");

        // The conversation, with typing on both sides and the citizen's delivery state.
        await widget.GetByLabel("Skriv en besked").FillAsync("Hej, mit pas er udløbet. Hvad gør jeg?");
        await Expect(panel.Locator(".typing")).ToHaveTextAsync("Borgeren skriver …");
        await widget.GetByLabel("Skriv en besked").PressAsync("Enter");
        await Expect(panel.Locator(".messages")).ToContainTextAsync("Hej, mit pas er udløbet. Hvad gør jeg?");
        await Expect(widget.Locator(".msg--mine .msg__state").Last).ToContainTextAsync("Sendt 20.30");
        await panel.GetByText("Selvbetjening i Sorø (4)").ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Pas og kørekort" })).ToBeVisibleAsync();
        await panel.GetByText("Standardsvar (4)").ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Indsæt »Velkommen«" }).ClickAsync();
        await Expect(widget.Locator(".typing")).ToHaveTextAsync("Mia skriver …");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(widget.Locator(".messages")).ToContainTextAsync("Hej, du taler med Selvbetjeningshotlinen for Sorø Kommune.");

        // An internal note stays with the staff.
        await panel.GetByText("Interne noter (0)").ClickAsync();
        await panel.GetByLabel("Ny intern note").FillAsync("Har ringet før om samme pas.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Gem note" }).ClickAsync();
        await Expect(panel.Locator(".notes")).ToContainTextAsync("Mia Søgaard");
        await PageChecks.ExpectAccessibleAsync(agent, "agent-console-with-chat");

        // A reload resumes the same chat with its history.
        await citizen.ReloadAsync();
        await Expect(widget.Locator(".reference")).ToHaveTextAsync($"Reference: {reference}");
        await Expect(widget.Locator(".messages")).ToContainTextAsync("Hej, mit pas er udløbet. Hvad gør jeg?");
        await Expect(status).ToHaveTextAsync("Du chatter med Mia.");
        await PageChecks.ExpectAccessibleAsync(citizen, "citizen-widget-chat-phone");

        // The transcript, then the end.
        var download = await citizen.RunAndWaitForDownloadAsync(() => widget.GetByRole(AriaRole.Button, new() { Name = "Hent samtalen" }).ClickAsync());
        var transcript = await File.ReadAllTextAsync((await download.PathAsync())!);
        download.SuggestedFilename.Should().Be($"chat-{reference}.txt");
        transcript.Should().Contain($"Reference: {reference}").And.Contain("Du: Hej, mit pas er udløbet.").And.Contain("Mia: Hej, du taler med").And.NotContain("ringet før");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Afslut chat" }).ClickAsync();
        await widget.GetByRole(AriaRole.Button, new() { Name = "Ja, afslut" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Chatten er afsluttet.");
        await Expect(panel.Locator(".panel-feedback")).ToHaveTextAsync("Chatten er afsluttet.");
        await Expect(widget.GetByText("ringet før")).ToHaveCountAsync(0);
        await PageChecks.ScreenshotAsync(agent, "agent-console-chat-ended");
    }

    [Fact]
    public async Task When_the_server_goes_away_the_citizen_sees_it_and_the_chat_recovers_by_itself_with_nothing_lost()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var citizen = await context.NewPageAsync();
        await citizen.GotoAsync("/soroe/chat");
        await citizen.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Digital Post" });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(citizen.Locator(".chat-status")).ToContainTextAsync("Du er den næste i køen.");

        await site.StopAsync();
        var banner = citizen.Locator(".view--chat .connection");
        await Expect(banner).ToHaveTextAsync("Forbindelsen er afbrudt. Vi forbinder igen af os selv …");
        await citizen.GetByLabel("Skriv en besked").FillAsync("Er I der stadig?");
        await citizen.GetByLabel("Skriv en besked").PressAsync("Enter");
        var mine = citizen.Locator(".msg--mine").Last;
        await Expect(mine.Locator(".msg__state")).ToHaveTextAsync("Venter på forbindelsen – sendes automatisk");
        await PageChecks.ExpectAccessibleAsync(citizen, "citizen-reconnecting");

        await site.RestartAsync();
        await Expect(banner).ToHaveTextAsync("Forbundet igen.", new() { Timeout = 30_000 });
        await Expect(mine.Locator(".msg__state")).ToHaveTextAsync("Sendt 20.30");
        await Expect(citizen.Locator(".messages li")).ToHaveCountAsync(2);
        await Expect(citizen.Locator(".messages")).ToContainTextAsync("Vi har modtaget dit spørgsmål om Digital Post");
    }
}
