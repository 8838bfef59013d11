using System.Net.Http.Json;
using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using SharedHotline.Client;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Citizens;

/// <summary>
/// Proactive chat on Sorø's own website (another origin) on Tuesday at 20:30, when Mia (Furesø) has the shared slot:
/// the widget invites a citizen on the passport page only while Mia has a free place, politely, and an accepted
/// invitation reaches Mia with the page as context.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InvitationWidgetTests(BrowserFixture browser)
{
    private const string Invitation = "Invitation til chat fra Sorø Kommune";

    [Fact]
    public async Task Sorøs_admin_sets_the_rules_on_the_admin_page_and_the_passport_page_invites_only_while_Mia_has_a_free_place_and_accepting_reaches_her_with_the_page()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var website = await KommuneWebsite.StartAsync(site);
        await using (var adminContext = await browser.NewContextAsync(site))
        {
            var admin = await adminContext.NewPageAsync();
            await PageChecks.SignInAsync(admin, "admin.soroe", "/admin");
            var section = admin.GetByRole(AriaRole.Region, new() { Name = "Chatinvitationer på kommunens websted" });
            await section.GetByLabel("Inviter borgere til chat på disse sider").CheckAsync();
            await section.GetByRole(AriaRole.Button, new() { Name = "Tilføj side" }).ClickAsync();
            await section.Locator("[data-field='pages[0].pattern']").FillAsync("/borger/pas*");
            await section.Locator("[data-field='pages[0].topic']").SelectOptionAsync("pas");
            await section.Locator("[data-field='pages[0].delaySeconds']").FillAsync("1");
            await section.GetByRole(AriaRole.Button, new() { Name = "Opdater invitationerne" }).ClickAsync();
            await Expect(section.GetByText("Invitationerne er gemt og gælder nu på kommunens websted.")).ToBeVisibleAsync();
            await PageChecks.ExpectAccessibleAsync(admin, "admin-invitations");
        }

        await using var mia = await SignedInMiaAsync(site);
        var offers = new List<AgentChat>();
        mia.ChatOffered += c =>
        {
            lock (offers)
            {
                offers.Add(c);
            }
        };
        var session = await mia.SetPresenceAsync(Presence.Available);

        // Mia full: as many citizens of the partnership as she has places are chatting with her.
        var chatting = new List<CitizenHubClient>();
        for (var i = 0; i < session.Capacity; i++)
        {
            var citizen = new CitizenHubClient(site.BaseAddress);
            await citizen.ConnectAsync();
            await citizen.StartChatAsync(new StartChatRequest("holbaek", "pas"));
            chatting.Add(citizen);
        }

        await WaitUntilAsync(() => Task.FromResult(offers.Count == session.Capacity));
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await page.GotoAsync(website.Address);
        var widget = page.FrameLocator("iframe[data-sharedhotline=soroe]");
        await Expect(widget.Locator("button.launcher")).ToHaveTextAsync("Chat med Sorø Kommune");
        await page.WaitForTimeoutAsync(2500);
        await Expect(widget.GetByRole(AriaRole.Region, new() { Name = Invitation })).ToHaveCountAsync(0);

        // One citizen leaves: Mia has a place, and the next page view is invited after its second on the page.
        await chatting[0].EndChatAsync();
        await page.ReloadAsync();
        var invitation = widget.GetByRole(AriaRole.Region, new() { Name = Invitation });
        await Expect(invitation).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(invitation).ToContainTextAsync(SharedHotline.Domain.Invitations.InvitationRules.DefaultText);
        await Expect(invitation.GetByRole(AriaRole.Button, new() { Name = "Start chat" })).Not.ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pas" })).ToBeVisibleAsync();
        await PageChecks.ExpectAccessibleAsync(page, "citizen-widget-invitation");

        await invitation.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(widget.Locator(".reference")).ToContainTextAsync("SOR-");
        await WaitUntilAsync(() => Task.FromResult(offers.Any(o => o.Kommune == "soroe")));
        var invited = offers.Single(o => o.Kommune == "soroe");
        invited.Topic.Should().Be("pas");
        invited.InvitedFrom.Should().Be(new InvitedFrom(website.Address, "Pas – Sorø Kommune"));

        // Mia's console shows the page beside the topic.
        await using var consoleContext = await browser.NewContextAsync(site);
        var console = await consoleContext.NewPageAsync();
        await PageChecks.SignInAsync(console, Demo.FuresoAgent, "/agent");
        var panel = console.Locator($"article.agent-chat[data-chat-id='{invited.ChatId}']");
        await Expect(panel.Locator(".invited-from")).ToHaveTextAsync($"Inviteret på siden: Pas – Sorø Kommune ({website.Address})");
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Pas – Sorø Kommune" })).ToHaveAttributeAsync("href", website.Address);
        await PageChecks.ExpectAccessibleAsync(console, "agent-invited-chat");
        foreach (var citizen in chatting)
        {
            await citizen.DisposeAsync();
        }
    }

    [Fact]
    public async Task Escape_closes_the_invitation_which_is_then_not_shown_again_that_day_with_no_cookie_sent_and_a_failed_self_service_step_invites_at_once()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var website = await KommuneWebsite.StartAsync(site);
        await SetRulesAsync(site);
        await using var mia = await SignedInMiaAsync(site);
        await mia.SetPresenceAsync(Presence.Available);

        await using var context = await browser.NewContextAsync(site);
        var invitationRequests = new List<IRequest>();
        context.Request += (_, request) =>
        {
            if (request.Url.Contains("/invitations", StringComparison.Ordinal))
            {
                lock (invitationRequests)
                {
                    invitationRequests.Add(request);
                }
            }
        };
        var page = await context.NewPageAsync();
        await page.GotoAsync(website.Address);
        var widget = page.FrameLocator("iframe[data-sharedhotline=soroe]");
        var invitation = widget.GetByRole(AriaRole.Region, new() { Name = Invitation });
        await Expect(invitation).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.GetByRole(AriaRole.Heading, new() { Name = "Pas" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(invitation).ToHaveCountAsync(0);
        await WaitUntilAsync(() => Task.FromResult(invitationRequests.Any(r => r.Url.EndsWith("/decline", StringComparison.Ordinal))));

        await page.ReloadAsync();
        await Expect(widget.Locator("button.launcher")).ToHaveTextAsync("Chat med Sorø Kommune");
        await page.WaitForTimeoutAsync(2500);
        await Expect(invitation).ToHaveCountAsync(0);
        (await page.EvaluateAsync<string>("localStorage.getItem('sharedhotline:soroe:invitation-declined')")).Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
        List<IRequest> sent;
        lock (invitationRequests)
        {
            sent = [.. invitationRequests];
        }

        foreach (var request in sent)
        {
            (await request.AllHeadersAsync()).Keys.Should().NotContain("cookie", "the widget sends no cookie with {0}", request.Url);
        }

        await using var other = await browser.NewContextAsync(site);
        var selfService = await other.NewPageAsync();
        await selfService.GotoAsync(website.SelfServiceAddress);
        var otherWidget = selfService.FrameLocator("iframe[data-sharedhotline=soroe]");
        await Expect(otherWidget.Locator("button.launcher")).ToHaveTextAsync("Chat med Sorø Kommune");
        await selfService.GetByRole(AriaRole.Button, new() { Name = "Indsend" }).ClickAsync();
        await Expect(otherWidget.GetByRole(AriaRole.Region, new() { Name = Invitation })).ToBeVisibleAsync(new() { Timeout = 5000 });
        await PageChecks.ExpectAccessibleAsync(selfService, "citizen-widget-invitation-failed-step");
        await otherWidget.GetByRole(AriaRole.Button, new() { Name = "Nej tak" }).ClickAsync();
        await Expect(otherWidget.GetByRole(AriaRole.Region, new() { Name = Invitation })).ToHaveCountAsync(0);
    }

    private static async Task SetRulesAsync(HotlineSite site)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = site.BaseAddress };
        (await http.PostAsJsonAsync("/api/auth/login", new { userName = "admin.soroe", password = HotlineSite.DemoPassword })).EnsureSuccessStatusCode();
        using var read = await http.GetAsync("/api/kommuner/soroe/invitation-settings");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/kommuner/soroe/invitation-settings")
        {
            Content = JsonContent.Create(new
            {
                enabled = true,
                pages = new object[] { new { pattern = "/borger/pas*", topic = "pas", delaySeconds = 1 }, new { pattern = "/selvbetjening/*", topic = "folkeregister", delaySeconds = 0 } },
                onFailedStep = true,
                text = SharedHotline.Domain.Invitations.InvitationRules.DefaultText,
                textEn = SharedHotline.Domain.Invitations.InvitationRules.DefaultTextEn,
                hours = Array.Empty<object>(),
                maxWaitSeconds = 60,
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static async Task<AgentHubClient> SignedInMiaAsync(HotlineSite site)
    {
        using var http = new HttpClient { BaseAddress = site.BaseAddress };
        var token = await StaffSignIn.GetTokenAsync(http, Demo.FuresoAgent, HotlineSite.DemoPassword);
        var mia = new AgentHubClient(site.BaseAddress, () => Task.FromResult<string?>(token));
        await mia.ConnectAsync();
        return mia;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await done())
        {
            DateTime.UtcNow.Should().BeBefore(deadline);
            await Task.Delay(100);
        }
    }
}
