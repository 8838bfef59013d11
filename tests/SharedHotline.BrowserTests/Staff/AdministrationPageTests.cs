using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Staff;

/// <summary>
/// A kommune's admin changes the kommune's settings while the hotline runs, and the widget and the agent console pick
/// them up without a restart. (One node here; KommuneSettingsAcrossNodesTests shows the same on a second node.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrationPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Furesøs_admin_adds_the_kommunes_new_website_and_a_canned_answer_and_the_widget_there_and_Mias_open_console_use_them_at_once()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var website = await KommuneWebsite.StartAsync(site, "fureso", "Furesø", allowOrigin: false);
        await using var miaContext = await browser.NewContextAsync(site);
        var mia = await miaContext.NewPageAsync();
        await PageChecks.SignInAsync(mia, Demo.FuresoAgent, "/agent");
        await mia.GetByLabel("Ledig").ClickAsync();
        await Expect(mia.Locator(".presence-now")).ToContainTextAsync("ledig");

        await using var adminContext = await browser.NewContextAsync(site);
        var admin = await adminContext.NewPageAsync();
        await PageChecks.SignInAsync(admin, "admin.fureso", "/admin");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Furesø Kommunes indstillinger" })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tilføj websted" }).ClickAsync();
        await admin.GetByLabel("Websted 2", new() { Exact = true }).FillAsync(website.Origin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tilføj standardsvar" }).ClickAsync();
        await admin.GetByLabel("Titel, standardsvar 5").FillAsync("Åbningstider");
        await admin.GetByLabel("Tekst, standardsvar 5").FillAsync("Borgerservice har åbent mandag til fredag kl. 9-15.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Opdater indstillingerne" }).ClickAsync();
        await Expect(admin.GetByText("Gemt. Ændringen gælder nu på alle servere.")).ToBeVisibleAsync();
        await PageChecks.ExpectAccessibleAsync(admin, "administration-page");

        var citizen = await (await browser.NewContextAsync(site)).NewPageAsync();
        await citizen.GotoAsync(website.Address);
        var widget = citizen.FrameLocator("iframe[data-sharedhotline=fureso]");
        await widget.Locator("button.launcher").ClickAsync();
        await widget.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Pas" });
        await widget.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(widget.Locator(".reference")).ToContainTextAsync("FUR-");

        var chat = mia.Locator("article.agent-chat");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Tag imod chatten" }).ClickAsync();
        await chat.GetByText("Standardsvar (5)").ClickAsync();
        await chat.GetByRole(AriaRole.Button, new() { Name = "Indsæt »Åbningstider«" }).ClickAsync();
        await chat.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(widget.Locator(".messages")).ToContainTextAsync("Borgerservice har åbent mandag til fredag kl. 9-15.");
    }

    [Fact]
    public async Task A_refused_setting_is_marked_at_its_field_and_a_stale_save_says_to_load_again()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, "admin.fureso", "/admin");
        await page.GotoAsync("/admin?lang=en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add website" }).ClickAsync();
        await page.GetByLabel("Website 2", new() { Exact = true }).FillAsync("https://www.furesoe.dk/borger");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update the settings" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Website 2: Give the website's origin only");
        await Expect(page.GetByLabel("Website 2", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.ExpectAccessibleAsync(page, "administration-page-refused");

        using (var other = new HttpClient { BaseAddress = site.BaseAddress })
        {
            // Another admin of Furesø saves meanwhile (through the API, as a second browser would).
            var token = await SharedHotline.Client.StaffSignIn.GetTokenAsync(other, "admin.fureso", HotlineSite.DemoPassword);
            other.DefaultRequestHeaders.Authorization = new("Bearer", token);
            using var current = await other.GetAsync("/api/kommuner/fureso/settings");
            var view = System.Text.Json.Nodes.JsonNode.Parse(await current.Content.ReadAsStringAsync())!;
            view["settings"]!["retentionDays"] = 30;
            using var put = new HttpRequestMessage(HttpMethod.Put, "/api/kommuner/fureso/settings") { Content = System.Net.Http.Json.JsonContent.Create(view["settings"]) };
            put.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
            (await other.SendAsync(put)).EnsureSuccessStatusCode();
        }

        await page.GetByLabel("Website 2", new() { Exact = true }).FillAsync("https://borger.furesoe.dk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update the settings" }).ClickAsync();
        await Expect(page.GetByText("Someone saved a change while you were editing.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Load again" }).ClickAsync();
        await Expect(page.GetByLabel("Keep chats for (days)")).ToHaveValueAsync("30");
    }
}
