using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;

namespace SharedHotline.BrowserTests.Staff;

[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_return_address_that_a_browser_would_follow_to_another_host_leads_to_the_console_instead()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        var home = site.BaseAddress;

        await page.GotoAsync("/login?returnUrl=%2F%09%2Fevil.example%2Fx");
        await page.GetByLabel("Brugernavn").FillAsync(Demo.FuresoAgent);
        await page.GetByLabel("Adgangskode").FillAsync(HotlineSite.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/agent" || !new Uri(url).Authority.Equals(home.Authority, StringComparison.Ordinal));

        new Uri(page.Url).Authority.Should().Be(home.Authority, "the sign-in page never sends staff to another host");
        new Uri(page.Url).AbsolutePath.Should().Be("/agent");
    }
}
