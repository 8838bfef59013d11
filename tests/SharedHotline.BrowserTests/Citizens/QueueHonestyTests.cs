using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Citizens;

/// <summary>The queue tells the truth as a citizen and an agent see it: closing time, and a citizen who closed her tab.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QueueHonestyTests(BrowserFixture browser)
{
    [Fact]
    public async Task At_closing_time_a_waiting_citizen_reads_that_nobody_reached_her_question_when_we_open_and_can_book_a_telefonmoede()
    {
        await using var site = await HotlineSite.StartAsync(Demo.FridayEvening.AddMinutes(-63));
        await using var context = await browser.NewContextAsync(site);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/soroe/chat");
        await page.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Pas" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        var status = page.Locator(".chat-status");
        await Expect(status).ToContainTextAsync("Du er den næste i køen.");

        await AdvanceUntilAsync(site, TimeSpan.FromMinutes(1), async () => (await status.InnerTextAsync()).Contains("lukket for i dag", StringComparison.Ordinal));

        await Expect(status).ToHaveTextAsync("Chatten er lukket for i dag, og ingen nåede at tage dit spørgsmål. Du kan booke et telefonmøde eller skrive til os.");
        await Expect(page.Locator(".messages")).ToContainTextAsync("Vi åbner igen mandag");
        await PageChecks.ExpectAccessibleAsync(page, "citizen-queue-closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book et telefonmøde eller skriv til os" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chatten er lukket lige nu", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Telefonnummer")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_citizen_who_closed_her_tab_leaves_the_queue_after_three_minutes_and_the_one_behind_her_moves_up()
    {
        await using var site = await HotlineSite.StartAsync(Demo.TuesdayEvening);
        await using var goneContext = await browser.NewContextAsync(site);
        await using var stayingContext = await browser.NewContextAsync(site);
        var gone = await StartChatAsync(goneContext);
        var staying = await StartChatAsync(stayingContext);
        var stayingStatus = staying.Locator(".chat-status");
        await Expect(stayingStatus).ToContainTextAsync("Du er nr. 2 i køen.");

        await using var agentContext = await browser.NewContextAsync(site);
        var agent = await agentContext.NewPageAsync();
        await PageChecks.SignInAsync(agent, Demo.FuresoAgent, "/agent");
        await agent.GetByLabel("Væk").ClickAsync();
        await Expect(agent.Locator(".presence-now")).ToContainTextAsync("væk");
        var waiting = agent.Locator(".queue-summary");
        await Expect(waiting).ToContainTextAsync("Venter: 2");
        await gone.CloseAsync();

        // A reload or a network blip is not leaving: two minutes on she still counts.
        await AdvanceAsync(site, TimeSpan.FromMinutes(2));
        await Expect(waiting).ToContainTextAsync("Venter: 2");
        await AdvanceUntilAsync(site, TimeSpan.FromSeconds(30), async () => (await waiting.InnerTextAsync()).Contains("Venter: 1", StringComparison.Ordinal));

        await Expect(stayingStatus).ToContainTextAsync("Du er den næste i køen.");
        await PageChecks.ExpectAccessibleAsync(staying, "citizen-queue-moved-up");
    }

    private static async Task<IPage> StartChatAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/soroe/chat");
        await page.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Pas" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(page.Locator(".reference")).ToContainTextAsync("SOR-");
        return page;
    }

    // The server's housekeeping runs on its (fake) clock: step it, and give the tick time to run before the next step.
    private static async Task AdvanceAsync(HotlineSite site, TimeSpan by)
    {
        site.Time.Advance(by);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
    }

    private static async Task AdvanceUntilAsync(HotlineSite site, TimeSpan step, Func<Task<bool>> done)
    {
        for (var i = 0; i < 20; i++)
        {
            await AdvanceAsync(site, step);
            if (await done())
            {
                return;
            }
        }

        throw new TimeoutException($"Not done after 20 steps of {step}.");
    }
}
