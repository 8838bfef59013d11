using Microsoft.Playwright;
using SharedHotline.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SharedHotline.BrowserTests.Citizens;

[Collection(BrowserCollection.Name)]
public sealed class TelefonmoedeFlowTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_citizen_books_on_a_closed_evening_and_watches_a_holbaek_agent_take_it_the_next_morning_miss_her_move_it_and_then_reach_her()
    {
        await using var site = await HotlineSite.StartAsync(Demo.SundayLateEvening);
        await using var citizenContext = await browser.NewContextAsync(site);
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync("/holbaek/chat");
        await citizen.GetByLabel("Hvad drejer dit spørgsmål sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Pas (15 min.)" });
        await Expect(citizen.GetByLabel("Tidspunkt").Locator("option").Nth(1)).ToHaveTextAsync("mandag 30. november 09.00");
        await citizen.GetByLabel("Tidspunkt").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await citizen.GetByLabel("Telefonnummer").FillAsync("12 34 56 78");
        await citizen.GetByLabel("Kort note til medarbejderen (valgfrit)").FillAsync("Mit pas er udløbet");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(citizen.Locator(".receipt")).ToContainTextAsync("Dit telefonmøde om Pas er booket mandag d. 30. november kl. 09.00");
        var calendarUrl = await citizen.GetByRole(AriaRole.Link, new() { Name = "Læg telefonmødet i din kalender" }).GetAttributeAsync("href");
        using (var calendar = new HttpClient())
        {
            (await calendar.GetStringAsync(calendarUrl)).Should().Contain("DTSTART;TZID=Europe/Copenhagen:20261130T090000");
        }

        await PageChecks.ExpectAccessibleAsync(citizen, "citizen-telefonmoede-receipt");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Følg din sag her" }).ClickAsync();
        await Expect(citizen.Locator(".case-state")).ToHaveTextAsync("Modtaget – en medarbejder tager sig af den.");
        await PageChecks.ExpectAccessibleAsync(citizen, "citizen-case-status");

        // Monday morning, five minutes before the meeting.
        site.Time.Advance(TimeSpan.FromHours(11.5) - TimeSpan.FromMinutes(5));
        await using var agentContext = await browser.NewContextAsync(site);
        var agent = await agentContext.NewPageAsync();
        await PageChecks.SignInAsync(agent, "hanne.holbaek", "/agent");
        var task = agent.Locator(".task").Filter(new() { HasText = "Pas" });
        await Expect(task).ToContainTextAsync("12345678");
        await Expect(task).ToContainTextAsync("Mit pas er udløbet");
        await Expect(agent.Locator(".tasks [role=alert]")).ToContainTextAsync("ikke taget af nogen");
        await PageChecks.ExpectAccessibleAsync(agent, "agent-console-tasks");

        await task.GetByRole(AriaRole.Button, new() { Name = "Tag opgaven" }).ClickAsync();
        await Expect(citizen.Locator(".case-state")).ToHaveTextAsync("En medarbejder har taget din sag.", new() { Timeout = 15_000 });
        await task.GetByRole(AriaRole.Button, new() { Name = "Ikke truffet" }).ClickAsync();
        await Expect(citizen.Locator(".case-state")).ToContainTextAsync("fik ikke fat i dig", Live);

        // She reaches the citizen on a second try and they agree a later time; the citizen's page shows the new time.
        await task.GetByRole(AriaRole.Button, new() { Name = "Flyt mødet" }).ClickAsync();
        var newTime = task.GetByLabel("Nyt tidspunkt aftalt med borgeren");
        await Expect(newTime.Locator("option").Nth(1)).ToHaveTextAsync("mandag 30. november 09.15");
        await newTime.SelectOptionAsync(new SelectOptionValue { Index = 3 });
        await PageChecks.ExpectAccessibleAsync(agent, "agent-console-task-move");
        await task.GetByRole(AriaRole.Button, new() { Name = "Flyt", Exact = true }).ClickAsync();
        await Expect(citizen.Locator(".case-steps")).ToContainTextAsync("Flyttet til mandag 30. november 09.45", Live);
        await Expect(task).ToContainTextAsync("09.45");
        await task.GetByRole(AriaRole.Button, new() { Name = "Truffet", Exact = true }).ClickAsync();
        await Expect(citizen.Locator(".case-state")).ToContainTextAsync("Vi har talt med dig.", Live);
        await Expect(citizen.Locator(".case-steps")).ToContainTextAsync("Ringet, ikke truffet");
        await PageChecks.ExpectAccessibleAsync(citizen, "citizen-case-status-reached");
    }
}
