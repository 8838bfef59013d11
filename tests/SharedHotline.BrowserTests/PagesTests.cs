using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_home_page_an_unknown_kommune_and_the_standalone_chat_are_usable_by_keyboard_and_accessible()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vælg din kommune" })).ToBeVisibleAsync();
        await Expect(page.Locator(".kommune-link")).ToHaveCountAsync(6);
        await PageChecks.ExpectAccessibleAsync(page, "home");

        var unknown = await page.GotoAsync("/ukendt/chat");
        unknown!.Status.Should().Be(404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kommunen findes ikke" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Vi kender ikke en kommune, der hedder »ukendt«.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sorø Kommune" })).ToHaveAttributeAsync("href", "/soroe/chat");
        await PageChecks.ExpectAccessibleAsync(page, "unknown-kommune");

        // Keyboard only: the skip link, then the form, in order.
        await page.GotoAsync("/soroe/chat");
        await Expect(page).ToHaveTitleAsync("Chat med Sorø Kommune");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start chat" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Spring til indholdet" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Hvad drejer dit spørgsmål sig om?")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Dit fornavn (valgfrit)")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Vælg hvad dit spørgsmål drejer sig om.");
        await PageChecks.ExpectAccessibleAsync(page, "citizen-start");

        await page.GotoAsync("/agent?lang=en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await PageChecks.ExpectAccessibleAsync(page, "login-english");
    }
}
