using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Staff;

/// <summary>The agent console in daily use: presence and the queue, the incoming-chat alert, handover, finding an earlier chat.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleDailyUseTests(BrowserFixture browser)
{
    [Fact]
    public async Task Offline_or_away_the_queue_offers_no_chat_to_take_and_the_incoming_alert_goes_when_the_chat_is_accepted_or_ends()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var first = new CitizenHubClient(site.BaseAddress);
        await first.ConnectAsync();
        await first.StartChatAsync(new StartChatRequest("soroe", "pas"));
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, Demo.FuresoAgent, "/agent");
        var queue = page.Locator("section[aria-labelledby=queue-heading]");

        await Expect(queue.Locator(".queue-summary")).ToContainTextAsync("Venter: 1");
        await Expect(queue.GetByText("Du er ikke ledig, så du får ingen chats fra køen.")).ToBeVisibleAsync();
        await Expect(queue.GetByRole(AriaRole.Button, new() { Name = "Tag chatten" })).ToHaveCountAsync(0);
        await PageChecks.ExpectAccessibleAsync(page, "agent-console-offline-queue");
        await page.GetByLabel("Væk").CheckAsync();
        await Expect(page.Locator(".presence-now")).ToHaveTextAsync("Du er væk.");
        await Expect(queue.GetByRole(AriaRole.Button, new() { Name = "Tag chatten" })).ToHaveCountAsync(0);

        // The waiting chat is offered the moment she is available, and the panel is drawn anew: click, then read what it says.
        await page.GetByLabel("Ledig").ClickAsync();
        await Expect(page.Locator(".presence-now")).ToContainTextAsync("ledig");
        var alerts = page.Locator(".incoming__item");
        await Expect(alerts).ToHaveTextAsync(["Ny chat: en borger fra Sorø om Pas.Gå til chatten"]);
        await Expect(queue.GetByText("Du er ikke ledig")).ToBeHiddenAsync();
        await page.Locator("article.agent-chat").GetByRole(AriaRole.Button, new() { Name = "Tag imod chatten" }).ClickAsync();
        await Expect(alerts).ToHaveCountAsync(0);
        await PageChecks.ExpectAccessibleAsync(page, "agent-console-accepted-no-alert");

        await using var second = new CitizenHubClient(site.BaseAddress);
        await second.ConnectAsync();
        await second.StartChatAsync(new StartChatRequest("holbaek", "pas"));
        await Expect(alerts).ToHaveCountAsync(1);
        await second.EndChatAsync();
        await Expect(alerts).ToHaveCountAsync(0);
        await Expect(page.Locator("article.agent-chat .panel-feedback").Last).ToHaveTextAsync("Chatten er afsluttet.");
    }

    [Fact]
    public async Task Mia_hands_a_chat_to_Peter_on_her_slot_with_a_note_he_reads_and_he_finds_it_again_by_the_citizens_reference()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var miaContext = await browser.NewContextAsync(site);
        await using var peterContext = await browser.NewContextAsync(site);
        var mia = await miaContext.NewPageAsync();
        var peter = await peterContext.NewPageAsync();
        await PageChecks.SignInAsync(mia, Demo.FuresoAgent, "/agent");
        await PageChecks.SignInAsync(peter, "peter.fureso", "/agent");
        await mia.GetByLabel("Ledig").ClickAsync();
        await Expect(mia.Locator(".presence-now")).ToContainTextAsync("ledig");
        await Expect(mia.Locator(".presence-now")).ToHaveTextAsync("Du er ledig.");
        await using var citizen = new CitizenHubClient(site.BaseAddress);
        await citizen.ConnectAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        var panel = mia.Locator("article.agent-chat");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Tag imod chatten" }).ClickAsync();
        await peter.GetByLabel("Ledig").ClickAsync();
        await Expect(peter.Locator(".presence-now")).ToContainTextAsync("ledig");
        await Expect(peter.Locator(".presence-now")).ToHaveTextAsync("Du er ledig.");

        var to = panel.GetByLabel("Overfør til");
        await to.FocusAsync();
        await to.SelectOptionAsync(new SelectOptionValue { Label = "Peter Kjær (Furesø)" });
        await Expect(to.Locator("optgroup[label='På din vagt']")).ToContainTextAsync("Peter Kjær");
        await panel.GetByLabel("Besked til kollegaen (valgfri)").FillAsync("Borgeren har bestilt tid til nyt pas; mangler kun at høre om gebyret.");
        await PageChecks.ExpectAccessibleAsync(mia, "agent-console-transfer-with-note");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Overfør", Exact = true }).ClickAsync();

        await Expect(panel.Locator(".panel-feedback")).ToContainTextAsync("overført");
        var received = peter.Locator("article.agent-chat");
        await Expect(peter.Locator(".incoming__item")).ToContainTextAsync("Ny chat: en borger fra Sorø om Pas.");
        await Expect(received.Locator(".notes")).ToBeVisibleAsync();
        await Expect(received.Locator(".notes")).ToContainTextAsync("Mia Søgaard");
        await Expect(received.Locator(".notes")).ToContainTextAsync("mangler kun at høre om gebyret");

        var search = peter.Locator("section[aria-labelledby=search-heading]");
        await search.GetByLabel("Borgerens reference").FillAsync("SOR-ZZZZZZ");
        await search.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(search.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Ingen chat har referencen SOR-ZZZZZZ. Tjek stavningen, eller spørg borgeren om den igen.");
        await search.GetByLabel("Borgerens reference").FillAsync(chat.Reference.ToLowerInvariant());
        await search.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(search.GetByRole(AriaRole.Heading, new() { Name = $"Chat {chat.Reference} · Sorø" })).ToBeFocusedAsync();
        await Expect(search.Locator(".messages")).ToContainTextAsync("Vi har modtaget dit spørgsmål");
        await PageChecks.ExpectAccessibleAsync(peter, "agent-console-found-by-reference");
    }

    [Fact]
    public async Task A_citizens_message_with_a_CPR_number_is_marked_in_the_console_and_Mia_is_told_to_ask_her_not_to_write_it()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, Demo.FuresoAgent, "/agent");
        await page.GetByLabel("Ledig").ClickAsync();
        await Expect(page.Locator(".presence-now")).ToContainTextAsync("ledig");
        await using var citizen = new CitizenHubClient(site.BaseAddress);
        await citizen.ConnectAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        var panel = page.Locator("article.agent-chat");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Tag imod chatten" }).ClickAsync();

        await citizen.SendAsync("Mit pas er væk");
        await citizen.SendAsync("Mit cpr er 010203-1234");

        var cprMessage = panel.Locator(".msg--citizen").Filter(new() { HasText = "010203-1234" });
        await Expect(cprMessage.Locator(".msg__cpr")).ToHaveTextAsync("Beskeden ser ud til at indeholde et CPR-nummer. Bed borgeren om ikke at skrive det her (svaret \"CPR-advarsel\").");
        await Expect(panel.Locator(".msg--citizen").Filter(new() { HasText = "Mit pas er væk" }).Locator(".msg__cpr")).ToHaveCountAsync(0);
        await PageChecks.ExpectAccessibleAsync(page, "agent-console-cpr-warning");
    }
}
