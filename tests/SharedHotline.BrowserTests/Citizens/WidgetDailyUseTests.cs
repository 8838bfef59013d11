using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using SharedHotline.Client;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Citizens;

/// <summary>The widget on a kommune's website as a citizen uses it on a laptop: opened by keyboard, minimised with a reply waiting.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetDailyUseTests(BrowserFixture browser)
{
    [Fact]
    public async Task Opened_by_keyboard_at_1280x900_the_panel_shows_Send_and_Afslut_chat_and_minimised_it_shows_the_ongoing_chat_and_an_unread_reply()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var website = await KommuneWebsite.StartAsync(site);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(website.Address);
        var widget = page.FrameLocator("iframe[data-sharedhotline=soroe]");

        var launcher = widget.Locator("button.launcher");
        await Expect(launcher).ToHaveTextAsync("Chat med Sorø Kommune");
        await launcher.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.GetByRole(AriaRole.Heading, new() { Name = "Chat med Sorø Kommune", Level = 1 })).ToBeFocusedAsync();
        await widget.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Pas" });
        await widget.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(widget.Locator(".reference")).ToContainTextAsync("SOR-");

        using var http = new HttpClient { BaseAddress = site.BaseAddress };
        var token = await StaffSignIn.GetTokenAsync(http, Demo.FuresoAgent, HotlineSite.DemoPassword);
        await using var mia = new AgentHubClient(site.BaseAddress, () => Task.FromResult<string?>(token));
        var offered = new TaskCompletionSource<AgentChat>();
        mia.ChatOffered += c => offered.TrySetResult(c);
        await mia.ConnectAsync();
        await mia.SetPresenceAsync(Presence.Available);
        var chat = await offered.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await mia.AcceptChatAsync(chat.ChatId);
        await Expect(widget.Locator(".chat-status")).ToHaveTextAsync("Du chatter med Mia.");

        // A conversation longer than the panel: the messages scroll, and inside the 900-pixel window (a panel of at most
        // 420 x 680) the composer and the end button stay in sight without scrolling.
        for (var i = 1; i <= 12; i++)
        {
            await mia.SendAsync(chat.ChatId, $"Svar nummer {i}: her er en lidt længere forklaring, så beskeden fylder et par linjer i panelet.");
        }

        await Expect(widget.Locator(".messages")).ToContainTextAsync("Svar nummer 12");
        await Expect(widget.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(widget.GetByRole(AriaRole.Button, new() { Name = "Afslut chat" })).ToBeInViewportAsync(new() { Ratio = 1 });
        await PageChecks.ExpectAccessibleAsync(page, "citizen-widget-chat-1280x900");

        await widget.GetByRole(AriaRole.Button, new() { Name = "Minimér chatten" }).ClickAsync();
        await Expect(launcher).ToHaveTextAsync("Din chat med Sorø Kommune");
        await mia.SendAsync(chat.ChatId, "Dit pas kan fornyes på borger.dk");
        await Expect(launcher).ToHaveTextAsync("Din chat med Sorø KommuneNyt svar");
        await Expect(launcher).ToHaveAttributeAsync("data-state", "unread");
        await PageChecks.ExpectAccessibleAsync(page, "citizen-widget-minimised-unread");

        await launcher.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.GetByRole(AriaRole.Heading, new() { Name = "Din chat", Level = 1 })).ToBeFocusedAsync();
        await Expect(widget.Locator(".messages")).ToContainTextAsync("Dit pas kan fornyes på borger.dk");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Minimér chatten" }).ClickAsync();
        await Expect(launcher).ToHaveTextAsync("Din chat med Sorø Kommune", new() { Timeout = 2000 });
    }

    [Fact]
    public async Task Københavns_citizens_read_Københavns_Kommune_and_in_English_the_receipt_is_in_English()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.Url("/koebenhavn/chat"));
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Chat med Københavns Kommune"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat med Københavns Kommune", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Du får svar fra Københavns Kommunes borgerservice.")).ToBeVisibleAsync();

        await page.GotoAsync(site.Url("/koebenhavn/chat?lang=en"));
        await page.GetByLabel("What is your question about?").SelectOptionAsync(new SelectOptionValue { Label = "Passport" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(page.Locator(".messages")).ToContainTextAsync("We have received your question about Passport. Your reference is KOE-");
        await Expect(page.Locator(".messages")).Not.ToContainTextAsync("Vi har modtaget");
        await PageChecks.ExpectAccessibleAsync(page, "citizen-chat-koebenhavn-english");
    }
}
