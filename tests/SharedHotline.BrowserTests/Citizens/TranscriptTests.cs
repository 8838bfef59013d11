using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Citizens;

[Collection(BrowserCollection.Name)]
public sealed class TranscriptTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_cpr_number_the_citizen_typed_is_masked_in_the_downloaded_transcript()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/soroe/chat");
        await page.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Pas" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await page.GetByLabel("Skriv en besked").FillAsync("Mit cpr er 010203-1234 og mit pas er væk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.Locator(".msg--mine")).ToContainTextAsync("010203-1234", new() { Timeout = 10_000 });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Hent samtalen" }).ClickAsync());
        var transcript = await File.ReadAllTextAsync((await download.PathAsync())!);

        transcript.Should().Contain("Du: Mit cpr er XXXXXX-XXXX og mit pas er væk").And.NotContain("010203");
    }
}
