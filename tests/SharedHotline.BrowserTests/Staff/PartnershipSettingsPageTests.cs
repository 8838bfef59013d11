using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Staff;

/// <summary>The partnership's coordinator sets the service level and the overflow rule on the Administration page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnershipSettingsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_is_told_in_Danish_what_to_fix_then_saves_a_new_service_level_and_overflow_wait_that_the_statistics_page_uses()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, "koordinator", "/admin");

        var section = page.GetByRole(AriaRole.Region, new() { Name = "Partnerskab: Selvbetjeningshotline Nordsjælland-Vestsjælland" });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partnerskabets indstillinger", Level = 1 })).ToBeVisibleAsync();
        await Expect(section).ToContainTextAsync("Medlemmer:");
        await Expect(section.GetByLabel("Overløb til")).ToHaveValueAsync("101");
        await Expect(section.GetByLabel("Svar inden for (sekunder)")).ToHaveValueAsync("60");
        await PageChecks.ExpectAccessibleAsync(page, "partnership-settings");

        await section.GetByLabel("Svar inden for (sekunder)").FillAsync("5");
        await section.GetByRole(AriaRole.Button, new() { Name = "Gem" }).ClickAsync();
        await Expect(section.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vælg mellem 10 og 600 sekunder.");
        await Expect(section.GetByLabel("Svar inden for (sekunder)")).ToHaveAttributeAsync("aria-invalid", "true");

        await section.GetByLabel("Svar inden for (sekunder)").FillAsync("90");
        await section.GetByLabel("Overløb efter (minutter)").FillAsync("3");
        await section.GetByRole(AriaRole.Button, new() { Name = "Gem" }).ClickAsync();
        await Expect(section.GetByRole(AriaRole.Status)).ToContainTextAsync("Gemt.");

        await page.ReloadAsync();
        await Expect(section.GetByLabel("Svar inden for (sekunder)")).ToHaveValueAsync("90");
        await Expect(section.GetByLabel("Overløb efter (minutter)")).ToHaveValueAsync("3");
        await page.GotoAsync("/statistik");
        await Expect(page.Locator("body")).ToContainTextAsync("besvaret inden for 90 s");
    }
}
