using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Staff;

[Collection(BrowserCollection.Name)]
public sealed class ShiftFeedPanelTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_agent_shows_her_calendar_address_makes_a_new_one_that_replaces_it_and_stops_it()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, Demo.FuresoAgent, "/agent");
        using var calendarProgram = new HttpClient();

        await page.GetByText("Vagterne i din kalender").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis adressen" }).ClickAsync();
        var first = await page.Locator(".shift-feed__url").InputValueAsync();
        (await calendarProgram.GetStringAsync(first)).Should().Contain("BEGIN:VCALENDAR");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lav en ny adresse" }).ClickAsync();
        await Expect(page.Locator(".shift-feed [role=status]")).ToContainTextAsync("den gamle virker ikke længere");
        var second = await page.Locator(".shift-feed__url").InputValueAsync();
        second.Should().NotBe(first);
        (await calendarProgram.GetAsync(first)).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "the old address stopped");
        (await calendarProgram.GetStringAsync(second)).Should().Contain("BEGIN:VCALENDAR");
        await PageChecks.ExpectAccessibleAsync(page, "agent-console-calendar-address");

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop adressen" }).ClickAsync();
        await Expect(page.Locator(".shift-feed [role=status]")).ToContainTextAsync("Adressen er stoppet");
        (await calendarProgram.GetAsync(second)).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
