using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Aid.PortalTests.Infrastructure;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by deploy/test), driven by Playwright; no browser is downloaded.
/// Each user gets a context of their own (their own cookies), like separate people at separate computers.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const int Desktop = 1280, Phone = 375;
    public static string ChromiumPath => Environment.GetEnvironmentVariable("AID_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string ScreenshotFolder => Path.Combine(RunningSystem.ResultsFolder, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (deploy/test does it).");
        // The suite shares two cores with the integration suite in CI: an answer may take longer than the 5 s default.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }

    public async Task<IPage> NewPageAsync(Uri portal, int width = Desktop)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the portal's development sign-in form, on a screen of the given width.</summary>
    public async Task<IPage> SignedInAsync(Uri portal, string user, Guid? ngo = null, int width = Desktop)
    {
        var page = await NewPageAsync(portal, width);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Người dùng", new() { Exact = true }).SelectOptionAsync(user);
        if (ngo is { } id)
            await page.GetByLabel("Mã tổ chức (chỉ với cán bộ tổ chức)").FillAsync(id.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin"));
        return page;
    }

    /// <summary>Waits until Blazor has made the page interactive (its InteractiveMark is attached).</summary>
    public static Task Interactive(IPage page) =>
        page.Locator("[data-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>
    /// Checks the page as it is (<see cref="CheckPageAsync"/>), then the same address in the other language, in a second
    /// tab of the same user, so every page a test visits is checked in Vietnamese and in English at both widths.
    /// </summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await CheckPageAsync(page, name);
        var language = await page.EvaluateAsync<string>("() => document.documentElement.lang");
        var other = language == "vi" ? "en" : "vi";
        var twin = await page.Context.NewPageAsync();
        try
        {
            var back = new Uri(page.Url).PathAndQuery;
            var answer = await twin.GotoAsync($"/culture?c={other}&back={Uri.EscapeDataString(back)}");
            if (await page.Locator("[data-interactive]").CountAsync() > 0 && answer?.Status == 200)
                await twin.Locator("[data-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            Assert.Equal(other, await twin.EvaluateAsync<string>("() => document.documentElement.lang"));
            await CheckPageAsync(twin, $"{name}-{other}");
        }
        finally
        {
            // The language is the user's cookie: put it back for the page the test goes on with.
            await twin.GotoAsync($"/culture?c={language}&back=/");
            await twin.CloseAsync();
        }
    }

    /// <summary>
    /// Screenshots of the page at desktop width and at 375 px, and the accessibility basics at both: every form
    /// control has a label, nothing is wider than the screen, text has enough contrast; and no raw value in its text.
    /// The page is left at the width it had (a journey walked at phone width goes on at phone width).
    /// </summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        var walkedAt = page.ViewportSize?.Width ?? Desktop;
        foreach (var width in new[] { Desktop, Phone })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.WaitForTimeoutAsync(150);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"),
                FullPage = true,
            });
            var unlabelled = await page.EvaluateAsync<string[]>(UnlabelledControls);
            Assert.True(unlabelled.Length == 0, $"{name} at {width}px: controls without a label: {string.Join(", ", unlabelled)}");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{name} at {width}px is {overflow}px wider than the screen");
            var lowContrast = await page.EvaluateAsync<string[]>(LowContrastText);
            Assert.True(lowContrast.Length == 0, $"{name} at {width}px: text below 4.5:1 contrast: {string.Join(" | ", lowContrast)}");
        }
        var english = await page.EvaluateAsync<string>("() => document.documentElement.lang") == "en";
        var raw = await page.EvaluateAsync<string[]>(RawValues, english ? Codes.EnglishWords : Codes.Words);
        Assert.True(raw.Length == 0, $"{name}: raw values on the {(english ? "English" : "Vietnamese")} page: {string.Join(" | ", raw)}");
        await page.SetViewportSizeAsync(walkedAt, 900);
    }

    private const string UnlabelledControls = """
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
            .filter(el => el.offsetParent !== null)
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
                && !(el.tagName === 'BUTTON' && el.textContent.trim()))
            .map(el => el.outerHTML.slice(0, 80))
        """;

    /// <summary>
    /// The visible text (not what is marked data-verbatim, code or hidden, such as a closed details) holds none of the
    /// given codes of the portal's label catalogue as a whole word (a file name such as
    /// "ProjectDocument.pdf" is one word), no amount of 5 or more digits without grouping, no ISO date or UTC timestamp,
    /// no API field name (a camelCase word such as "decisionNumber").
    /// </summary>
    private const string RawValues = """
        codes => {
          const known = new Set(codes);
          const bad = new Set();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement, text = n.textContent;
            if (!el || !text.trim() || el.closest('[data-verbatim], code, pre, script, style, template')) continue;
            if (!el.checkVisibility() || el.closest('details:not([open]) > :not(summary)')) continue;
            for (const word of text.match(/[\p{L}\p{N}_]+(?:[.\-:\/@'][\p{L}\p{N}_]+)*/gu) || [])
              if (known.has(word)) bad.add('code "' + word + '" in "' + text.trim().slice(0, 60) + '"');
            for (const m of text.match(/(?<![\p{L}\p{N}_.,\-\/:])\d{5,}(?![\p{L}\p{N}_\-\/])/gu) || [])
              bad.add('ungrouped number ' + m + ' in "' + text.trim().slice(0, 60) + '"');
            for (const m of text.match(/\b\d{4}-\d{2}-\d{2}(T[\d:.]+)?(Z|[+-]\d{2}:\d{2})?\b/g) || [])
              bad.add('ISO date ' + m + ' in "' + text.trim().slice(0, 60) + '"');
            if (/\bUTC\b/.test(text)) bad.add('UTC time in "' + text.trim().slice(0, 60) + '"');
            for (const m of text.match(/(?<![\p{L}\p{N}_.@\/-])[a-z]+[A-Z][A-Za-z]*(?![\p{L}\p{N}_.@\/-])/gu) || [])
              bad.add('API field name ' + m + ' in "' + text.trim().slice(0, 60) + '"');
          }
          return [...bad].slice(0, 15);
        }
        """;

    /// <summary>WCAG contrast of every visible text node's colour against the first opaque background behind it.</summary>
    private const string LowContrastText = """
        () => {
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                                       return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                                       if (c.length >= 3 && (c.length < 4 || c[3] > 0.9)) return c; } return [255, 255, 255]; };
          const bad = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement; if (!n.textContent.trim() || !el || el.offsetParent === null) continue;
            if (el.closest('svg')) continue;
            const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
            const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            if (ratio < 4.5) bad.push(n.textContent.trim().slice(0, 30) + ' (' + ratio.toFixed(2) + ')');
          }
          return bad.slice(0, 10);
        }
        """;

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
