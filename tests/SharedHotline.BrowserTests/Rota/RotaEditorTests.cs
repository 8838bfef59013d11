using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Rota;

[Collection(BrowserCollection.Name)]
public sealed class RotaEditorTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_coordinator_moves_Wednesdays_slot_survives_a_stale_publish_and_Mia_sees_her_new_shift()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var coordinatorContext = await browser.NewContextAsync(site);
        var coordinator = await coordinatorContext.NewPageAsync();
        await coordinator.GotoAsync("/coordinator");
        await coordinator.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await PageChecks.ExpectAccessibleAsync(coordinator, "login");
        await PageChecks.SignInAsync(coordinator, Demo.Coordinator, "/coordinator");

        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Vagtplan: Selvbetjeningshotline Nordsjælland-Vestsjælland" })).ToBeVisibleAsync();
        var wednesday = coordinator.Locator(".slot-item", new() { HasText = "onsdag 25. november 15.00–22.00" });
        await Expect(wednesday).ToContainTextAsync("Furesø · Mia Søgaard, Peter Kjær");
        await Expect(coordinator.Locator(".conflicts, .editor__side")).ToContainTextAsync("Ingen konflikter i ugen.");
        // Each slot is checked against the forecast of the last weeks: with no history one agent would do, two are rostered.
        await Expect(coordinator.Locator(".fc-event .slot-staffing").First).ToHaveTextAsync("▲ Overbemandet: prognosen kræver 1");
        await PageChecks.ExpectAccessibleAsync(coordinator, "coordinator-week");

        // Drag Wednesday's slot one hour later in the calendar.
        var slot = coordinator.Locator(".fc-timegrid-col[data-date='2026-11-25'] .fc-timegrid-event");
        var box = (await slot.BoundingBoxAsync())!;
        var hour = (await coordinator.Locator("td.fc-timegrid-slot-lane[data-time='16:00:00']").BoundingBoxAsync())!.Y
            - (await coordinator.Locator("td.fc-timegrid-slot-lane[data-time='15:00:00']").BoundingBoxAsync())!.Y;
        await coordinator.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + 20);
        await coordinator.Mouse.DownAsync();
        await coordinator.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + 20 + (hour / 2), new() { Steps = 5 });
        await coordinator.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + 20 + hour, new() { Steps = 5 });
        await coordinator.Mouse.UpAsync();
        var changes = coordinator.Locator(".changes");
        await Expect(changes).ToContainTextAsync("Flyt onsdag 25. november 15.00–22.00 til onsdag 25. november 16.00–23.00");

        // Then, with the keyboard-friendly dialog: end at 21.00 and only Mia on the shift.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Redigér vagten onsdag 25. november 16.00–23.00" }).ClickAsync();
        var dialog = coordinator.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Starter")).ToHaveValueAsync("16:00");
        await dialog.GetByLabel("Slutter").FillAsync("21:00");
        await dialog.GetByLabel("Peter Kjær").UncheckAsync();
        await PageChecks.ExpectAccessibleAsync(coordinator, "coordinator-slot-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gem som ændring" }).ClickAsync();
        await Expect(changes).ToContainTextAsync("Flyt onsdag 25. november 15.00–22.00 til onsdag 25. november 16.00–21.00. Medarbejdere onsdag 25. november 16.00–21.00: Mia Søgaard");

        // Meanwhile another coordinator publishes a change: the stale publish is refused and the edit kept.
        await CancelDecember3rdElsewhereAsync(site);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Udgiv ændringer (1)" }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Alert).Filter(new() { HasText = "ændret af en anden" })).ToContainTextAsync("nu version 2");
        await Expect(coordinator.Locator(".stale__who")).ToContainTextAsync("aflyste vagten");
        await Expect(changes).ToContainTextAsync("Ikke udgivet: en anden har ændret vagtplanen");
        await Expect(coordinator.Locator(".slot-item--pending")).ToContainTextAsync("onsdag 25. november 16.00–21.00");
        await PageChecks.ExpectAccessibleAsync(coordinator, "coordinator-stale-edit");

        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Hent nyeste vagtplan" }).ClickAsync();
        await Expect(coordinator.Locator(".publish-status")).ToHaveTextAsync("Den nyeste vagtplan er hentet. Dine ændringer vises oven på den.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Udgiv ændringer (1)" }).ClickAsync();
        await Expect(coordinator.Locator(".publish-status")).ToHaveTextAsync("Udgivet. Vagtplanen er opdateret for alle.");
        await Expect(coordinator.Locator(".slot-item", new() { HasText = "onsdag 25. november 16.00–21.00" })).ToContainTextAsync("Furesø · Mia Søgaard");
        await Expect(coordinator.Locator(".slot-item--pending")).ToHaveCountAsync(0);
        await Expect(coordinator.Locator(".exceptions")).ToContainTextAsync("Aflyst: onsdag 25. november 15.00–22.00");
        await Expect(coordinator.Locator(".exceptions")).ToContainTextAsync("Ekstra vagt: onsdag 25. november 16.00–21.00 (Furesø)");
        await PageChecks.ScreenshotAsync(coordinator, "coordinator-published");

        // Mia sees the moved shift in her console.
        await using var agentContext = await browser.NewContextAsync(site);
        var agent = await agentContext.NewPageAsync();
        await PageChecks.SignInAsync(agent, Demo.FuresoAgent, "/agent");
        await Expect(agent.Locator(".shift-list li[data-date='2026-11-25']")).ToContainTextAsync("onsdag 25. november 16.00–21.00 · Furesø");
        await PageChecks.ScreenshotAsync(agent, "agent-console-after-rota-edit");

        // Both staff pages in English.
        await agent.GotoAsync("/agent?lang=en");
        await Expect(agent.Locator(".shift-now")).ToContainTextAsync("Now: Tuesday 24 November 15:00–22:00");
        await PageChecks.ExpectAccessibleAsync(agent, "agent-console-english");
        await coordinator.GotoAsync("/coordinator?lang=en");
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Rota: Selvbetjeningshotline Nordsjælland-Vestsjælland" })).ToBeVisibleAsync();
        await Expect(coordinator.Locator(".slot-item", new() { HasText = "Wednesday 25 November 16:00–21:00" })).ToBeVisibleAsync();
        await PageChecks.ExpectAccessibleAsync(coordinator, "coordinator-english");
    }

    /// <summary>Another coordinator's edit through the API, which moves the rota to version 2.</summary>
    private static async Task CancelDecember3rdElsewhereAsync(HotlineSite site)
    {
        using var http = new HttpClient { BaseAddress = site.BaseAddress };
        using var signIn = await http.PostAsJsonAsync("/api/auth/token", new { userName = Demo.Coordinator, password = HotlineSite.DemoPassword });
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/partnerships/{Demo.PartnershipId}/exceptions")
        {
            Content = JsonContent.Create(new { kind = "Cancelled", date = "2026-12-03", patternId = Demo.MonThuPatternId, note = "Personalemøde" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
    }
}
