using System.Text.RegularExpressions;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// What the portal promises at its edge (README, Security): a friendly error page with a trace id instead of ASP.NET's
/// developer page, in Vietnamese and English at both widths; security headers on every page, which Blazor works
/// under; the public lookup's limit counting each visitor rather than the portal; and a sign-out that ends the
/// session, so the old cookie is worthless even if replayed.
/// </summary>
public sealed partial class TrustBoundaryPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceId();

    [Theory, InlineData("vi"), InlineData("en")]
    public async Task A_request_the_portal_cannot_serve_shows_the_friendly_page_with_a_trace_id(string language)
    {
        var page = await browser.NewPageAsync(system.Portal);
        await page.GotoAsync($"/culture?c={language}&back=/");
        // A sign-in form whose anti-forgery token has gone (an old tab after a restart): the portal cannot read it.
        await page.EvaluateAsync("""
            () => {
              const form = document.createElement('form');
              form.method = 'post'; form.action = '/account/dev-sign-in';
              form.innerHTML = '<input type="hidden" name="user" value="auditor">';
              document.body.append(form); form.submit();
            }
            """);
        await page.WaitForURLAsync("**/account/dev-sign-in");
        var en = language == "en";
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(en ? "This request is not valid" : "Yêu cầu không hợp lệ");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        Assert.Matches(TraceId(), (await page.Locator(".trace-id").InnerTextAsync()).Trim());
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("Aid.", text);
        await Browser.CheckPageAsync(page, $"error-{language}");
    }

    [Fact]
    public async Task An_address_that_does_not_exist_shows_the_not_found_page_in_both_languages()
    {
        var page = await browser.NewPageAsync(system.Portal);
        var answer = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, answer!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không tìm thấy trang");
        await Browser.CheckAsync(page, "not-found");
    }

    [Fact]
    public async Task Bad_input_that_once_showed_the_developer_page_now_does_not()
    {
        var anonymous = await browser.NewPageAsync(system.Portal);
        var culture = await anonymous.GotoAsync("/culture");
        Assert.Equal(200, culture!.Status);
        Assert.DoesNotContain("Exception", await anonymous.Locator("body").InnerTextAsync());

        var auditor = await browser.SignedInAsync(system.Portal, "auditor");
        foreach (var service in new[] { "security", "nosuchservice", "1" })
        {
            var answer = await auditor.APIRequest.GetAsync($"/audit-export/{service}/{Guid.NewGuid()}?format=csv");
            Assert.True(answer.Status < 500, $"/audit-export/{service} answered {answer.Status}");
            var body = await answer.TextAsync();
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain("Aid.", body);
        }
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers_and_Blazor_runs_under_them()
    {
        var page = await browser.NewPageAsync(system.Portal);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text);
        };
        foreach (var path in new[] { "/", "/lookup", "/signin", "/no-such-page", "/app.css" })
        {
            var answer = await page.GotoAsync(path);
            var headers = await answer!.AllHeadersAsync();
            Assert.Contains("script-src 'self';", headers["content-security-policy"]);
            Assert.DoesNotContain("'unsafe-eval'", headers["content-security-policy"]);
            Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal("no-referrer", headers["referrer-policy"]);
            Assert.Contains("camera=()", headers["permissions-policy"]);
        }
        // The lookup page's circuit connects (blazor.web.js, WebSocket) and its form answers, with no CSP complaint.
        await page.GotoAsync("/lookup");
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();
        await Expect(page.Locator("#code-error")).ToBeVisibleAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_lookup_limit_counts_each_visitor_not_the_portal()
    {
        // Visitor A has spent the minute's lookups (asked straight at the service, as the portal would for them).
        using (var http = new HttpClient { BaseAddress = system.Urls["Registration"] })
            for (var i = 0; i < 10; i++)
            {
                var spent = new HttpRequestMessage(HttpMethod.Get, $"/public/status?code=SNV-19990404-{i:000}&secret=GUESS");
                spent.Headers.Add("X-Forwarded-For", "203.0.113.7");
                await http.SendAsync(spent);
            }

        async Task<ILocator> LookUpAsync(string visitor)
        {
            // The visitor's own address reaches the portal through its (trusted, loopback) proxy.
            var page = await browser.NewPageAsync(system.Portal);
            await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = visitor });
            await page.GotoAsync("/lookup?code=SNV-19990404-100");
            await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.Locator("#secret").FillAsync("GUESS");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();
            return page.GetByRole(AriaRole.Alert);
        }

        await Expect(await LookUpAsync("203.0.113.7")).ToContainTextAsync("quá nhiều lần");
        await Expect(await LookUpAsync("203.0.113.8")).ToContainTextAsync("Không tìm thấy hồ sơ");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_replayed_cookie()
    {
        var auditor = await browser.SignedInAsync(system.Portal, "auditor");
        await auditor.GotoAsync("/audit");
        var cookies = await auditor.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "aid.portal");

        await auditor.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await auditor.WaitForURLAsync(url => !url.Contains("/audit"));

        var replay = await browser.NewPageAsync(system.Portal);
        await replay.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, SameSite = c.SameSite,
        }));
        await replay.GotoAsync("/audit");
        await replay.WaitForURLAsync(url => url.Contains("/signin"));
        await Expect(replay.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đăng nhập");
    }
}
