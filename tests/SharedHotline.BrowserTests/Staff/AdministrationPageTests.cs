using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using SharedHotline.Testing;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Staff;

/// <summary>
/// A kommune's admin changes the kommune's settings while the hotline runs, and the widget and the agent console pick
/// them up without a restart, on another node too (KommuneSettingsAcrossNodesTests: the same over RabbitMQ and PostgreSQL).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrationPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_two_nodes_Furesøs_admin_adds_a_website_and_a_canned_answer_on_node_A_and_the_widget_there_and_Mias_open_console_on_node_B_use_them_without_a_restart()
    {
        await using var redis = await RedisServer.StartAsync();
        var prefix = "admin-" + Guid.NewGuid().ToString("N")[..8];
        Dictionary<string, string?> Node(string id) => new() { ["ConnectionStrings:Redis"] = redis.ConnectionString, ["Hotline:Redis:Prefix"] = prefix, ["Hotline:Redis:NodeId"] = id };
        await using var nodeA = await HotlineSite.StartAsync(Demo.TuesdayEvening, Node("node-a"));
        await using var nodeB = await nodeA.StartAnotherNodeAsync(Node("node-b"));
        await using var website = await KommuneWebsite.StartAsync(nodeB, "fureso", "Furesø", allowOrigin: false);
        await using var miaContext = await browser.NewContextAsync(nodeB);
        var mia = await miaContext.NewPageAsync();
        await PageChecks.SignInAsync(mia, Demo.FuresoAgent, "/agent");
        await mia.GetByLabel("Ledig").ClickAsync();
        await Expect(mia.Locator(".presence-now")).ToContainTextAsync("ledig");

        await using var adminContext = await browser.NewContextAsync(nodeA);
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
        await Expect(admin.Locator(".history-list")).ToContainTextAsync("Standardsvar — Louise Friis");
        await PageChecks.ExpectAccessibleAsync(admin, "administration-page");

        // Without a broker the nodes' buses do not meet: node B learns of the change by its periodic check.
        nodeA.Time.Advance(SharedHotline.Server.Chats.LiveStateMaintenance.Interval);
        await WaitUntilNodeAllowsAsync(nodeB, website.Origin);
        var citizen = await (await browser.NewContextAsync(nodeB)).NewPageAsync();
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
        await PageChecks.ExpectAccessibleAsync(citizen, "administration-widget-on-new-website");
    }

    [Fact]
    public async Task A_refused_setting_is_marked_at_its_field_and_a_stale_save_says_to_load_again()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, "admin.fureso", "/admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj websted" }).ClickAsync();
        await page.GetByLabel("Websted 2", new() { Exact = true }).FillAsync("https://www.furesoe.dk/borger");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opdater indstillingerne" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Websted 2: Skriv kun webstedets adresse");

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

    [Fact]
    public async Task Furesøs_admin_creates_an_agent_who_then_signs_in_and_reads_a_chats_transcript_by_the_citizens_reference_which_is_logged()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var citizen = new SharedHotline.Client.Citizens.CitizenHubClient(site.BaseAddress);
        await citizen.ConnectAsync();
        var chat = (await citizen.StartChatAsync(new SharedHotline.Client.Contracts.StartChatRequest("fureso", "pas"))).Chat!;
        await citizen.SendAsync("Hvor fornyer jeg mit pas?", "c-1");
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, "admin.fureso", "/admin");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ny medarbejder" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Ny medarbejder" });
        await form.GetByLabel("Brugernavn").FillAsync("nora.fureso");
        await form.GetByLabel("Navn", new() { Exact = true }).FillAsync("Nora Ibsen");
        await form.GetByLabel("Kodeord (mindst 12 tegn)").FillAsync("foraarsdag-i-farum");
        await form.GetByLabel("Pas", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Chats ad gangen").FillAsync("2");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gem" }).ClickAsync();
        await Expect(page.GetByText("Nora Ibsen er gemt.")).ToBeVisibleAsync();
        await Expect(page.Locator(".staff-card").Filter(new() { HasText = "Nora Ibsen" })).ToContainTextAsync("Chats ad gangen: 2");
        await Expect(page.Locator(".history-list")).ToContainTextAsync("Kontoen nora.fureso oprettet — Louise Friis");

        await page.GetByLabel("Reference", new() { Exact = true }).FillAsync(chat.Reference.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis udskrift" }).ClickAsync();
        await Expect(page.Locator(".transcript")).ToContainTextAsync("Hvor fornyer jeg mit pas?");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Hvem har læst udskrifter" })).ToContainTextAsync(chat.Reference);
        await PageChecks.ExpectAccessibleAsync(page, "administration-staff-and-transcript");

        await using var noraContext = await browser.NewContextAsync(site);
        var nora = await noraContext.NewPageAsync();
        await nora.GotoAsync("/login");
        await nora.GetByLabel("Brugernavn").FillAsync("nora.fureso");
        await nora.GetByLabel("Adgangskode").FillAsync("foraarsdag-i-farum");
        await nora.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await nora.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/agent");
    }

    [Fact]
    public async Task The_platform_admin_onboards_Lyngby_Taarbæk_into_the_partnership_and_its_new_admin_signs_in_to_Lyngby_Taarbæks_settings()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, "admin", "/admin");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Ny kommune på platformen" });
        await form.GetByLabel("Kommunekode").FillAsync("173");
        await form.GetByLabel("Adressenavn").FillAsync("lyngby-taarbaek");
        await form.GetByLabel("Kommunens navn").FillAsync("Lyngby-Taarbæk");
        await form.GetByLabel("Referencebogstaver").FillAsync("LTK");
        await form.GetByLabel("Partnerskab").SelectOptionAsync(new SelectOptionValue { Value = Demo.PartnershipId });
        await form.GetByLabel("Administratorens brugernavn").FillAsync("admin.lyngby");
        await form.GetByLabel("Administratorens navn").FillAsync("Sanne Lund");
        await form.GetByLabel("Administratorens kodeord").FillAsync("lyngby-admin-kode-1");
        await form.GetByRole(AriaRole.Button, new() { Name = "Opret kommunen" }).ClickAsync();
        await Expect(form.GetByText("Lyngby-Taarbæk er oprettet. admin.lyngby kan logge ind og indstille kommunen.")).ToBeVisibleAsync();
        await PageChecks.ExpectAccessibleAsync(page, "administration-onboarding");

        await using var lyngbyContext = await browser.NewContextAsync(site);
        var lyngby = await lyngbyContext.NewPageAsync();
        await lyngby.GotoAsync("/login");
        await lyngby.GetByLabel("Brugernavn").FillAsync("admin.lyngby");
        await lyngby.GetByLabel("Adgangskode").FillAsync("lyngby-admin-kode-1");
        await lyngby.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Expect(lyngby.GetByRole(AriaRole.Heading, new() { Name = "Lyngby-Taarbæk Kommunes indstillinger" })).ToBeVisibleAsync();
        await Expect(lyngby.Locator(".history-list")).ToContainTextAsync("Kommunen lyngby-taarbaek oprettet — Hotline-administrator");
        await lyngby.GotoAsync("/lyngby-taarbaek/chat");
        await Expect(lyngby).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Lyngby-Taarbæk Kommune"));
    }

    /// <summary>Waits (briefly) until the node answers the website's origin, i.e. its maintenance pass has run.</summary>
    private static async Task WaitUntilNodeAllowsAsync(HotlineSite node, string origin)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/kommuner/fureso/status");
            request.Headers.Add("Origin", origin);
            using var response = await http.SendAsync(request);
            if (response.Headers.Contains("Access-Control-Allow-Origin"))
            {
                return;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "node B should pick up the new website by its periodic check");
            await Task.Delay(100);
        }
    }
}
