using static Microsoft.Playwright.Assertions;

namespace ECommerce.Browser.Tests;

/// <summary>The shell and the session it carries across remotes; these need only the gateway and identity.</summary>
[Collection(SystemCollection.Name)]
public sealed class ShellTests(SystemFixture system)
{
    [Fact]
    public async Task An_unreachable_remote_shows_its_fallback_while_the_other_apps_keep_working()
    {
        var page = await system.NewPageAsync();
        var steps = new Steps(page);
        // The admin remote's server is "down": every file under /remotes/admin/ answers 503.
        await page.Context.RouteAsync("**/remotes/admin/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 503, ContentType = "text/plain", Body = "Service Unavailable",
        }));

        await page.GotoAsync("/admin");

        var fallback = page.Locator("[data-remote-fallback]");
        await Expect(fallback).ToContainTextAsync("The admin area is unavailable right now");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await steps.ShotAsync("admin-remote-down");

        await page.GetByRole(AriaRole.Link, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();
        await Expect(fallback).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Everything you need, delivered fast." })).ToBeVisibleAsync();
        await Expect(fallback).ToHaveCountAsync(0);
        await steps.ShotAsync("storefront-still-works");
    }

    [Fact]
    public async Task A_shopper_signs_up_stays_signed_in_across_reloads_and_can_sign_out_and_back_in()
    {
        var page = await system.NewPageAsync();
        var steps = new Steps(page);

        var email = await ShopPages.SignUpAsync(page, "Grace Hopper");
        await steps.ShotAsync("signed-up");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Grace Hopper");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Orders" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        await steps.ShotAsync("signed-out");

        await ShopPages.SignInAsync(page, email, "correct horse battery");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Grace Hopper");
        await steps.ShotAsync("signed-in-again");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_next_to_the_form()
    {
        var page = await system.NewPageAsync();
        var steps = new Steps(page);
        var email = await ShopPages.SignUpAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        await steps.ShotAsync("wrong-password");
    }

    [Fact]
    public async Task The_session_outlives_its_access_token_through_a_silent_refresh()
    {
        var page = await system.NewPageAsync();
        var steps = new Steps(page);
        await ShopPages.SignUpAsync(page, "Refresh Tester");
        var first = await AccessTokenAsync(page);

        // The store renews at 80% of the token's life; nothing on the page asks the shopper to sign in again.
        await page.WaitForFunctionAsync(
            "t => JSON.parse(sessionStorage.getItem('shop.session') || '{}').accessToken !== t",
            first,
            new() { Timeout = (float)(SystemFixture.AccessTokenLifetime * 2).TotalMilliseconds, PollingInterval = 500 });
        Assert.NotEqual(first, await AccessTokenAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Orders" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your orders" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Refresh Tester");
        await steps.ShotAsync("still-signed-in-after-refresh");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/products")]
    [InlineData("/account/signup")]
    public async Task Pages_fit_a_phone_screen_without_sideways_scrolling(string path)
    {
        var page = await system.NewPageAsync(width: 390, height: 844);
        var steps = new Steps(page, $"{nameof(Pages_fit_a_phone_screen_without_sideways_scrolling)}{path.Replace('/', '-')}");

        await page.GotoAsync(path);
        await Expect(page.Locator("main h1, main h2").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 390px screen.");
        await steps.ShotAsync("phone");
    }

    private static Task<string> AccessTokenAsync(IPage page) =>
        page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('shop.session')).accessToken");
}
