using Microsoft.Playwright;

namespace SharedHotline.BrowserTests.Infrastructure;

/// <summary>
/// One headless chromium for the whole run: Debian's <c>chromium</c> package (build/test.sh installs it), driven
/// by Playwright through <see cref="BrowserTypeLaunchOptions.ExecutablePath"/>, so no browser is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No chromium at {ChromiumPath}: install Debian's chromium package (build/test.sh does) or set CHROMIUM_PATH.");
        }

        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser profile (cookies, storage) in Danish and Copenhagen time, desktop or phone-sized.</summary>
    public Task<IBrowserContext> NewContextAsync(HotlineSite site, bool phone = false) => NewContextAsync(site.BaseAddress, phone);

    /// <summary>As above, on any address (a load balancer in front of several sites).</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "da-DK",
            TimezoneId = "Europe/Copenhagen",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1440, Height = 960 },
            IsMobile = phone,
            HasTouch = phone,
            AcceptDownloads = true,
            // No entry animations: screenshots and contrast checks see the settled page.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(15_000);
        PageChecks.WatchContentSecurityPolicy(context);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
