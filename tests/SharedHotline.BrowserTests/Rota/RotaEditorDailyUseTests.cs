using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Rota;

/// <summary>The rota editor in daily use: conflicts before publishing, staff changes as staff changes, refusals in Danish.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RotaEditorDailyUseTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pending_edits_show_their_conflicts_before_publishing_and_a_one_day_staff_change_is_published_and_shown_as_a_swap()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, Demo.Coordinator, "/coordinator");
        var wednesday = page.Locator(".slot-item", new() { HasText = "onsdag 25. november 15.00–22.00" });
        await Expect(wednesday).ToContainTextAsync("Mia Søgaard, Peter Kjær");

        await page.GetByRole(AriaRole.Button, new() { Name = "Redigér vagten onsdag 25. november 15.00–22.00" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Mia Søgaard").UncheckAsync();
        await dialog.GetByLabel("Peter Kjær").UncheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gem som ændring" }).ClickAsync();
        var pending = page.Locator(".pending-conflicts");
        await Expect(pending).ToContainTextAsync("Konflikter, hvis du udgiver");
        await Expect(pending).ToContainTextAsync("Ingen medarbejdere på vagten onsdag 25. november 15.00–22.00.");
        await PageChecks.ExpectAccessibleAsync(page, "coordinator-pending-conflicts");

        await page.GetByRole(AriaRole.Button, new() { Name = "Redigér vagten onsdag 25. november 15.00–22.00" }).ClickAsync();
        await dialog.GetByLabel("Mia Søgaard").CheckAsync();
        await dialog.GetByLabel("Hanne Holm").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gem som ændring" }).ClickAsync();
        await Expect(pending).ToContainTextAsync("Dine ændringer giver ingen konflikter i ugen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Udgiv ændringer (1)" }).ClickAsync();

        await Expect(page.Locator(".publish-status")).ToHaveTextAsync("Udgivet. Vagtplanen er opdateret for alle.");
        await Expect(wednesday).ToContainTextAsync("Mia Søgaard, Hanne Holm");
        var exceptions = page.Locator(".exceptions");
        await Expect(exceptions).ToContainTextAsync("Bytte onsdag 25. november: Hanne Holm dækker for Peter Kjær");
        await Expect(exceptions).Not.ToContainTextAsync("Aflyst");
        await Expect(exceptions).Not.ToContainTextAsync("Flyttet fra");
        await Expect(page.Locator(".history")).ToContainTextAsync("byttede en medarbejder på vagten");
        await PageChecks.ExpectAccessibleAsync(page, "coordinator-staff-change-published");
    }

    [Fact]
    public async Task A_closure_is_published_from_the_page_and_closing_the_same_day_again_is_refused_in_Danish_saying_what_to_do()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, Demo.Coordinator, "/coordinator");
        await page.GetByText("Tilføj en lukning, åbning eller et bytte").ClickAsync();
        var form = page.Locator("form.exception-form");
        await form.GetByLabel("Hvad skal ske?").SelectOptionAsync("Cancelled");
        await form.GetByLabel("Dato").FillAsync("2026-12-11");
        await form.GetByLabel("Note (valgfri, vises for medarbejderne)").FillAsync("Julefrokost");
        await form.GetByRole(AriaRole.Button, new() { Name = "Udgiv" }).ClickAsync();
        await Expect(form.Locator(".panel-feedback")).ToHaveTextAsync("Udgivet. Vagtplanen er opdateret for alle.");
        await Expect(page.Locator(".history")).ToContainTextAsync("aflyste vagten");

        await form.GetByLabel("Hvad skal ske?").SelectOptionAsync("Cancelled");
        await form.GetByLabel("Dato").FillAsync("2026-12-11");
        await form.GetByRole(AriaRole.Button, new() { Name = "Udgiv" }).ClickAsync();
        await Expect(form.Locator(".panel-feedback")).ToContainTextAsync("er allerede ændret eller aflyst i den udgivne vagtplan");
        await Expect(form.Locator(".panel-feedback")).ToContainTextAsync("Hent den nyeste vagtplan");
        await Expect(page.GetByText("already exists")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hent vagtplanen som CSV (regneark)" })).ToHaveAttributeAsync("href", $"/api/partnerships/{Demo.PartnershipId}/rota/export.csv");
        await PageChecks.ExpectAccessibleAsync(page, "coordinator-closure-refused");
    }
}
