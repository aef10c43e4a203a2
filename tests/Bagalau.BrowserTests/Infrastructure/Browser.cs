using Microsoft.Playwright;

namespace Bagalau.BrowserTests.Infrastructure;

/// <summary>
/// A browser test: skipped when Debian's Chromium is not installed, unless the run requires
/// the browser (BAGALAU_REQUIRE_BROWSER=1, as scripts/test.sh sets), where it fails instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ChromiumPath) && Environment.GetEnvironmentVariable("BAGALAU_REQUIRE_BROWSER") != "1")
        {
            Skip = $"Chromium is not installed at {Browser.ChromiumPath} (apt-get install chromium chromium-driver).";
        }
    }
}

/// <summary>Playwright driving Debian's Chromium (Playwright cannot download browsers here).</summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    /// <summary>Screenshots go next to the test binaries (bin/.../artifacts), which git ignores.</summary>
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"BAGALAU_REQUIRE_BROWSER=1 but Chromium is missing at {ChromiumPath}.");
        }

        // An assertion waits as long as an action: a page that compiles its view on a loaded
        // machine (CI runs the integration tests beside) can take longer than the 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A fresh page (own cookies) with a desktop or phone viewport; Accept-Language English.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = phone ? 2 : 1,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        // A page's first request compiles its views; on a loaded two-core machine that alone can take 15 s.
        context.SetDefaultNavigationTimeout(45_000);
        return await context.NewPageAsync();
    }

    /// <summary>Clicks a menu item (data-test), first opening the menu behind its button on a narrow screen.</summary>
    public static async Task ClickMenuAsync(IPage page, string item)
    {
        var toggle = page.Locator("[data-test=menu-toggle]");
        if (await toggle.IsVisibleAsync() && await toggle.GetAttributeAsync("aria-expanded") != "true")
        {
            await toggle.ClickAsync();
        }

        await page.Locator($"[data-test={item}]").ClickAsync();
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var file = Path.Combine(ArtifactsFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
