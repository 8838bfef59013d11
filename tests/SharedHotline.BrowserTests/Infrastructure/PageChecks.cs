using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SharedHotline.BrowserTests.Infrastructure;

/// <summary>What every page is held to: a screenshot in the test output, and no serious or critical axe-core violation.</summary>
public static class PageChecks
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, List<string>> CspViolations = [];

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Collects what the pages' Content-Security-Policy refused (inline script or style, other origins).</summary>
    public static void WatchContentSecurityPolicy(IBrowserContext context)
    {
        var refused = CspViolations.GetOrCreateValue(context);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (refused)
                {
                    refused.Add($"{message.Location}: {message.Text}");
                }
            }
        };
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Runs axe-core (frames included) on the page as it is now, saves its screenshot and fails on serious or
    /// critical violations, or on anything the Content-Security-Policy refused so far in this browser context.
    /// </summary>
    public static async Task ExpectAccessibleAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        if (CspViolations.TryGetValue(page.Context, out var refused))
        {
            lock (refused)
            {
                refused.Should().BeEmpty("{0} must work under its Content-Security-Policy", name);
            }
        }

        // Only violations come back: the passes of every rule would make each run several times slower.
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        blocking.Should().BeEmpty(
            "{0} must have no serious or critical accessibility violations, but has:\n{1}",
            name,
            string.Join("\n", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>Signs in on the sign-in page and waits for the page it sends the user to.</summary>
    public static async Task SignInAsync(IPage page, string userName, string returnPath)
    {
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnPath)}");
        await page.GetByLabel("Brugernavn").FillAsync(userName);
        await page.GetByLabel("Adgangskode").FillAsync(HotlineSite.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnPath);
    }
}
