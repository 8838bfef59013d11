using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Citizens;

[Collection(BrowserCollection.Name)]
public sealed class ClosedHotlineTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_Friday_evening_a_citizen_reads_when_it_opens_and_books_a_telefonmoede_at_a_free_time_with_a_receipt()
    {
        await using var site = await HotlineSite.StartAsync(Demo.FridayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/soroe/chat");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chatten er lukket lige nu", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".next-opening")).ToHaveTextAsync("Vi åbner igen mandag kl. 09.00.");
        await PageChecks.ExpectAccessibleAsync(page, "citizen-closed");

        // Missing and wrong answers are named in a summary and at each field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToContainTextAsync("Vælg hvad dit spørgsmål drejer sig om.");
        await Expect(summary).ToContainTextAsync("Skriv dit telefonnummer, så vi kan ringe dig op.");
        await Expect(summary).ToContainTextAsync("Vælg et af de ledige tidspunkter.");
        await page.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Pas (15 min.)" });
        await Expect(page.GetByLabel("Tidspunkt").Locator("option").Nth(1)).ToHaveTextAsync("mandag 30. november 09.00");
        await page.GetByLabel("Tidspunkt").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Dit navn (valgfrit)").FillAsync("Karen Ærø");
        await page.GetByLabel("Telefonnummer").FillAsync("1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByLabel("Telefonnummer")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(summary).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Et dansk telefonnummer har 8 cifre"));
        await PageChecks.ExpectAccessibleAsync(page, "citizen-callback-errors");

        await page.GetByLabel("Telefonnummer").FillAsync("12 34 56 78");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tak – vi har modtaget din henvendelse" })).ToBeFocusedAsync();
        await Expect(page.Locator(".receipt")).ToContainTextAsync("Tak. Dit telefonmøde om Pas er booket mandag d. 30. november kl. 09.00. Sorø Kommune ringer dig op. Din reference er SOR-");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Læg telefonmødet i din kalender" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/meeting.ics\\?t="));
        await Expect(page.Locator(".receipt .reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^SOR-[A-Z0-9]{6}$"));
        await PageChecks.ExpectAccessibleAsync(page, "citizen-callback-receipt");

        // The same in English.
        await page.GotoAsync("/soroe/chat?lang=en");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator(".next-opening")).ToHaveTextAsync("We open again on Monday at 09:00.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dansk" })).ToHaveAttributeAsync("href", "/soroe/chat");
        await Expect(page.Locator("select").First.Locator("option", new() { HasText = "Passport (15 min)" })).ToHaveCountAsync(1);
        await PageChecks.ExpectAccessibleAsync(page, "citizen-closed-english");
    }

    [Fact]
    public async Task On_juleaften_Sorøs_page_says_it_is_closed_for_juleaften_and_when_it_opens_again()
    {
        await using var site = await HotlineSite.StartAsync(new DateTimeOffset(2026, 12, 24, 16, 0, 0, TimeSpan.FromHours(1)));
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/soroe/chat");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chatten er lukket lige nu", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".closed-for")).ToHaveTextAsync("Vi holder lukket i dag, juleaften.");
        await Expect(page.Locator(".next-opening")).ToContainTextAsync("mandag");
        await PageChecks.ExpectAccessibleAsync(page, "citizen-closed-juleaften");

        await page.GotoAsync("/soroe/chat?lang=en");
        await Expect(page.Locator(".closed-for")).ToHaveTextAsync("We are closed today, Christmas Eve.");
    }
}
