using System.Net.Http.Json;
using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Staff;

[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Københavns_admin_books_mitid_meetings_of_20_minutes_and_deletes_a_citizens_message_on_request()
    {
        await using var site = await HotlineSite.StartAsync(Demo.FridayEvening);
        using (var citizen = new HttpClient { BaseAddress = site.BaseAddress })
        {
            using var left = await citizen.PostAsJsonAsync("/api/kommuner/koebenhavn/cases", new { topic = "pas", phone = "22334455", note = "Mit cpr er 010203-1234" });
            left.EnsureSuccessStatusCode();
        }

        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, "admin", "/admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Københavns Kommunes indstillinger" })).ToBeVisibleAsync();

        var mitid = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "NemID/MitID" });
        await Expect(mitid).ToContainTextAsync("Ida Brøndum");
        await page.GetByLabel("Kan bookes: NemID/MitID").CheckAsync();
        await page.GetByLabel("Minutter: NemID/MitID").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem" }).ClickAsync();
        await Expect(page.GetByText("Gemt. Borgerne ser de nye tider med det samme.")).ToBeVisibleAsync();
        using (var citizen = new HttpClient { BaseAddress = site.BaseAddress })
        {
            (await citizen.GetStringAsync("/api/kommuner/koebenhavn/meetings")).Should().Contain("\"code\":\"mitid\",\"name\":\"NemID/MitID\",\"nameEn\":\"NemID/MitID\",\"minutes\":20");
        }

        await page.GetByLabel("Telefonnummer eller reference").FillAsync("22 33 44 55");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg" }).ClickAsync();
        await Expect(page.Locator(".found")).ToContainTextAsync("Indeholder et CPR-nummer");
        await PageChecks.ExpectAccessibleAsync(page, "admin-page");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator(".found").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("KOE-[A-Z0-9]{6} er slettet"))).ToBeVisibleAsync();
        await Expect(page.Locator(".found")).ToHaveCountAsync(0);
    }
}
