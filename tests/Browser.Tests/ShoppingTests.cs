using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace ECommerce.Browser.Tests;

/// <summary>A shopper's whole journey through the storefront and account remotes, against the real services.</summary>
[Collection(SystemCollection.Name)]
public sealed class ShoppingTests(SystemFixture system)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions OrderSettles = new() { Timeout = 90_000 };

    [Fact]
    public async Task A_shopper_browses_searches_with_a_typo_buys_with_tok_visa_and_sees_the_order_confirmed()
    {
        var product = await system.Api.StockedProductAsync(0);
        var name = ShopApi.Text(product, "name");
        var page = await system.NewPageAsync();
        var steps = new Steps(page);

        await page.GotoAsync("/");
        await Expect(page.Locator(".product-card").First).ToBeVisibleAsync();
        await steps.ShotAsync("home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Shop", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All products" })).ToBeVisibleAsync();
        await Expect(page.Locator(".product-card").First).ToBeVisibleAsync();
        await steps.ShotAsync("product-list");

        await ShopPages.SignUpAsync(page);

        // Autocomplete from a prefix, then a search with a typo that the shop corrects.
        var word = LongestWord(name);
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Search products" });
        await search.FillAsync(word[..3]);
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await steps.ShotAsync("autocomplete");
        await search.FillAsync(Typo(word));
        await search.PressAsync("Enter");
        var didYouMean = page.GetByTestId("did-you-mean");
        await Expect(didYouMean).ToBeVisibleAsync();
        await steps.ShotAsync("did-you-mean");
        await didYouMean.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator(".product-card").First).ToBeVisibleAsync();
        await steps.ShotAsync("corrected-results");

        await page.Locator(".product-card").First.ClickAsync();
        await Expect(page.GetByTestId("product-price")).ToBeVisibleAsync();
        await steps.ShotAsync("product-details");

        await ShopPages.AddToCartAsync(page, ShopApi.Text(product, "id"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await ShopPages.CheckOutAsync(page, "tok_visa", steps);

        await Expect(page.Locator(".order-status-line [data-status]")).ToHaveAttributeAsync("data-status", "Confirmed", OrderSettles);
        var timeline = page.GetByTestId("order-timeline");
        await Expect(timeline.Locator("li").First).ToBeVisibleAsync();
        Assert.True(await timeline.Locator("li").CountAsync() >= 2, "The timeline shows the order's events, from placed to confirmed.");
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync("0");
        await steps.ShotAsync("order-confirmed");
    }

    [Fact]
    public async Task A_declined_card_ends_the_order_cancelled_with_the_reason_shown()
    {
        var product = await system.Api.StockedProductAsync(1);
        var page = await system.NewPageAsync();
        var steps = new Steps(page);
        await ShopPages.SignUpAsync(page);

        await ShopPages.AddToCartAsync(page, ShopApi.Text(product, "id"));
        await ShopPages.CheckOutAsync(page, "tok_declined", steps);

        await Expect(page.Locator(".order-status-line [data-status]")).ToHaveAttributeAsync("data-status", "Cancelled", OrderSettles);
        await Expect(page.GetByTestId("failure-reason")).ToContainTextAsync("Payment declined");
        await steps.ShotAsync("order-cancelled");
    }

    [Fact]
    public async Task An_admin_changes_a_price_and_the_storefront_shows_the_new_price()
    {
        var product = await system.Api.StockedProductAsync(2);
        var id = ShopApi.Text(product, "id");
        var newPrice = Math.Round(decimal.Parse(ShopApi.Text(product, "price"), CultureInfo.InvariantCulture) + 11.11m, 2);
        var shown = newPrice.ToString("C", CultureInfo.GetCultureInfo("en-US"));
        var admin = await system.NewPageAsync();
        var steps = new Steps(admin);

        await ShopPages.SignInAsync(admin, ShopApi.AdminEmail, ShopApi.AdminPassword);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("sales-chart").Or(admin.GetByText("No sales in this period"))).ToBeVisibleAsync();
        await steps.ShotAsync("admin-overview");
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Orders" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "All orders" })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Table).Or(admin.GetByText("No orders"))).ToBeVisibleAsync();
        await steps.ShotAsync("admin-orders");

        await admin.GotoAsync($"/admin/products/{Uri.EscapeDataString(id)}");
        var price = admin.GetByLabel("Price");
        await Expect(price).Not.ToHaveValueAsync("0");
        await price.FillAsync(newPrice.ToString(CultureInfo.InvariantCulture));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(admin.GetByText("Product saved.")).ToBeVisibleAsync();
        await steps.ShotAsync("price-changed");

        var shopper = await system.NewPageAsync();
        await shopper.GotoAsync($"/products/{Uri.EscapeDataString(id)}");
        await Expect(shopper.GetByTestId("product-price")).ToHaveTextAsync(shown);
        await new Steps(shopper, nameof(An_admin_changes_a_price_and_the_storefront_shows_the_new_price) + "-storefront").ShotAsync("new-price");
    }

    private static string LongestWord(string text) =>
        Regex.Matches(text, "[A-Za-z]{4,}").Select(m => m.Value).OrderByDescending(w => w.Length).FirstOrDefault()
        ?? throw new InvalidOperationException($"No word to search for in '{text}'.");

    /// <summary>One letter dropped from the middle: a typo one edit away.</summary>
    private static string Typo(string word) => word.Remove(word.Length / 2, 1).ToLowerInvariant();
}
