using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Staff;

/// <summary>
/// The Statistik page on the demo's eight weeks of history: the coordinator sees every member kommune, the settlement
/// and the coming week's staffing; København's admin sees København only; an agent sees none.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StatisticsPageTests(BrowserFixture browser)
{
    private const string PartnershipHeading = "Statistik: Selvbetjeningshotline Nordsjælland-Vestsjælland";
    private static readonly Dictionary<string, string?> WithHistory = new() { ["Hotline:SeedDemoHistory"] = "true" };

    [Fact]
    public async Task The_coordinator_sees_each_member_kommunes_figures_the_settlement_and_the_staffing_changes_the_period_and_downloads_the_csv()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening, WithHistory);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, Demo.Coordinator, "/statistik");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = PartnershipHeading, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Viser" })).ToContainTextAsync("28. okt. 2026 til 24. nov. 2026");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Medarbejdersider" }).GetByRole(AriaRole.Link, new() { Name = "Statistik" })).ToHaveAttributeAsync("aria-current", "page");

        // Key figures: one column per member kommune; Fredensborg's citizens chat far more often than Sorø's.
        var figures = page.GetByRole(AriaRole.Table, new() { Name = "Nøgletal pr. kommune" });
        var fredensborg28 = await FigureAsync(figures, "Tilbudt", "Fredensborg");
        var soroe28 = await FigureAsync(figures, "Tilbudt", "Sorø");
        soroe28.Should().BePositive();
        fredensborg28.Should().BeGreaterThan(2 * soroe28, "the demo's Fredensborg has about three times Sorø's volume");
        (await FigureAsync(figures, "Besvaret", "Fredensborg")).Should().BeInRange(1, fredensborg28);
        await Expect(RowOf(figures, "Servicegrad (besvaret inden for 60 s)")).ToContainTextAsync("%");

        // Charts drawn: one per kommune by hour of the week, the waits and the staffing; each a named image.
        var charts = page.Locator("canvas[role=img]");
        await Expect(charts).ToHaveCountAsync(7);
        foreach (var chart in await charts.AllAsync())
        {
            (await chart.GetAttributeAsync("aria-label")).Should().NotBeNullOrWhiteSpace();
            (await chart.BoundingBoxAsync())!.Height.Should().BeGreaterThan(100);
        }

        await Expect(charts.First).ToHaveAttributeAsync("aria-label", new Regex("^Fredensborg: søjlediagram .* tilbudt, flest "));

        // The settlement: every member as a column, a total row whose grand total is every answered chat.
        var settlement = page.GetByRole(AriaRole.Table, new() { Name = "Afregning" });
        await Expect(settlement.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Besvaret af", "Fredensborg", "Frederikssund", "Furesø", "Holbæk", "Sorø", "I alt"]);
        var total = RowOf(settlement, "I alt");
        await Expect(total).ToBeVisibleAsync();
        Count(await total.Locator("td").Last.InnerTextAsync()).Should().BePositive();
        await Expect(settlement.Locator("td.heat--4")).Not.ToHaveCountAsync(0);

        // The coming week's staffing: each slot has its verdict in words.
        var staffing = page.GetByRole(AriaRole.Table, new() { Name = "Bemanding pr. vagt" });
        await Expect(staffing.GetByRole(AriaRole.Row).Filter(new() { HasText = "tirsdag 24. november 15.00–22.00" })).ToContainTextAsync(new Regex("Underbemandet: mangler \\d+|Passende|Overbemandet: \\d+ for mange"));
        await Expect(page.Locator(".staffing-summary")).ToContainTextAsync(new Regex("\\d+ af \\d+ vagter er underbemandet"));
        await PageChecks.ExpectAccessibleAsync(page, "statistics-partnership");

        // The charts' tables opened.
        foreach (var summary in await page.Locator("summary").AllAsync())
        {
            await summary.ClickAsync();
        }

        var fredensborgHours = page.GetByRole(AriaRole.Table, new() { Name = "Fredensborg: tilbudt / besvaret pr. ugedag og time" });
        await Expect(RowOf(fredensborgHours, "Tirsdag")).ToContainTextAsync(new Regex("\\d+ / \\d+"));
        await Expect(RowOf(page.GetByRole(AriaRole.Table, new() { Name = "Ventetider for Alle kommuner" }), "0–5 s")).ToBeVisibleAsync();
        await PageChecks.ExpectAccessibleAsync(page, "statistics-tables");

        // The last 7 days: fewer chats than in 4 weeks, and the address keeps the period.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sidste 7 dage" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Viser" })).ToContainTextAsync("18. nov. 2026 til 24. nov. 2026");
        await Expect(page.GetByLabel("Fra", new() { Exact = true })).ToHaveValueAsync("2026-11-18");
        var fredensborg7 = await FigureAsync(figures, "Tilbudt", "Fredensborg");
        fredensborg7.Should().BePositive().And.BeLessThan(fredensborg28);
        page.Url.Should().Contain("from=2026-11-18&to=2026-11-24");
        await PageChecks.ExpectAccessibleAsync(page, "statistics-last-7-days");

        // A from date after the to date is refused on the page, with the fields marked.
        await page.GetByLabel("Fra", new() { Exact = true }).FillAsync("2026-11-30");
        await page.GetByLabel("Til", new() { Exact = true }).FillAsync("2026-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Vælg en fra-dato, der ikke ligger efter til-datoen.");
        await Expect(page.GetByLabel("Fra", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");

        // One kommune: Sorø's column only; the settlement and staffing stay the partnership's.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sidste 4 uger" }).ClickAsync();
        await page.GetByLabel("Kommune", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sorø" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Viser" })).ToContainTextAsync("Viser Sorø fra");
        await Expect(figures.Locator("thead th")).ToHaveTextAsync(["Nøgletal", "Sorø"]);
        (await FigureAsync(figures, "Tilbudt", "Sorø")).Should().Be(soroe28);
        await Expect(page.Locator("canvas[role=img]")).ToHaveCountAsync(3);
        await PageChecks.ExpectAccessibleAsync(page, "statistics-soroe");

        // The CSV files, for Danish Excel: UTF-8 with a byte order mark, semicolons.
        var settlementCsv = await DownloadAsync(page, "Afregning (settlement.csv)");
        settlementCsv.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var settlementText = Encoding.UTF8.GetString(settlementCsv, 3, settlementCsv.Length - 3);
        settlementText.Should().StartWith("Besvaret af;Fredensborg: chats;Fredensborg: minutter;").And.Contain("\r\nI alt;");
        var daysCsv = await DownloadAsync(page, "Dag for dag: Sorø (days.csv)");
        daysCsv.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var days = Encoding.UTF8.GetString(daysCsv, 3, daysCsv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        days[0].Should().StartWith("Dato;Tilbudt;Besvaret;Opgivet;");
        var dates = days[1..^1].Select(line => line.Split(';')[0]).ToList();
        dates.Should().NotBeEmpty().And.OnlyContain(date => string.CompareOrdinal(date, "2026-10-28") >= 0 && string.CompareOrdinal(date, "2026-11-24") <= 0);
        days[^1].Split(';')[1].Should().Be(soroe28.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Københavns_admin_sees_København_only_without_settlement_or_staffing_and_in_English_too()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening, WithHistory);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, "admin", "/statistik");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statistik: København", Level = 1 })).ToBeVisibleAsync();
        var figures = page.GetByRole(AriaRole.Table, new() { Name = "Nøgletal pr. kommune" });
        await Expect(figures.Locator("thead th")).ToHaveTextAsync(["Nøgletal", "København"]);
        (await FigureAsync(figures, "Tilbudt", "København")).Should().BePositive();
        await Expect(page.GetByLabel("Kommune", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Afregning: hvem svarede hvem" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bemanding den kommende uge" })).ToHaveCountAsync(0);
        await Expect(page.Locator("canvas[role=img]")).ToHaveCountAsync(2);
        await PageChecks.ExpectAccessibleAsync(page, "statistics-admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statistics: København", Level = 1 })).ToBeVisibleAsync();
        await Expect(RowOf(page.GetByRole(AriaRole.Table, new() { Name = "Key figures per kommune" }), "Offered")).ToBeVisibleAsync();
        await PageChecks.ExpectAccessibleAsync(page, "statistics-admin-english");
    }

    [Fact]
    public async Task An_agent_gets_no_statistics_page_and_no_statistics()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, "hanne.holbaek", "/statistik");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen adgang" })).ToBeVisibleAsync();
        await Expect(page.Locator("canvas")).ToHaveCountAsync(0);
        await PageChecks.ExpectAccessibleAsync(page, "statistics-agent-no-access");

        var scope = await context.APIRequest.GetAsync("/api/statistics/scope");
        scope.Status.Should().Be(403);
        (await scope.TextAsync()).Should().Contain("\"code\":\"not_authorized\"");
        (await context.APIRequest.GetAsync($"/api/statistics/partnerships/{Demo.PartnershipId}")).Status.Should().Be(403);
        (await context.APIRequest.GetAsync("/api/statistics/kommuner/holbaek")).Status.Should().Be(403);
    }

    /// <summary>The number in the key figures table at row <paramref name="figure"/>, column <paramref name="kommune"/>, as the page writes it.</summary>
    private static async Task<int> FigureAsync(ILocator table, string figure, string kommune)
    {
        var headers = await table.Locator("thead th").AllInnerTextsAsync();
        var column = headers.ToList().IndexOf(kommune);
        column.Should().BePositive("the table has a column for {0}", kommune);
        var cell = RowOf(table, figure).Locator("th, td").Nth(column);
        return Count(await cell.InnerTextAsync());
    }

    /// <summary>The row of <paramref name="table"/> whose row header reads exactly <paramref name="header"/>.</summary>
    private static ILocator RowOf(ILocator table, string header) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = header, Exact = true }) });

    /// <summary>The first whole number in a cell: "1.234" and "1 234" read as 1234.</summary>
    private static int Count(string text) =>
        int.Parse(LeadingNumber().Match(text).Value.Replace(".", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    [GeneratedRegex(@"\d[\d.\u00a0 ]*")]
    private static partial Regex LeadingNumber();
}
