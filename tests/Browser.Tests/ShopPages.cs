using static Microsoft.Playwright.Assertions;

namespace ECommerce.Browser.Tests;

/// <summary>What a shopper does often, in the words of the page (labels and button names, as a screen reader reads them).</summary>
public static class ShopPages
{
    public static async Task<string> SignUpAsync(IPage page, string name = "Ada Shopper")
    {
        var email = $"shopper-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/account/signup");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(name);
        return email;
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    public static async Task AddToCartAsync(IPage page, string productId)
    {
        await page.GotoAsync($"/products/{Uri.EscapeDataString(productId)}");
        var before = int.Parse(await page.GetByTestId("cart-count").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Expect(page.GetByTestId("cart-count")).ToHaveTextAsync((before + 1).ToString());
    }

    /// <summary>From the cart through the checkout form; ends on the order's page.</summary>
    public static async Task CheckOutAsync(IPage page, string cardToken, Steps steps)
    {
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Cart") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your cart" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cart-total")).ToBeVisibleAsync();
        await steps.ShotAsync("cart");
        await page.GetByRole(AriaRole.Link, new() { Name = "Checkout" }).ClickAsync();
        await page.GetByLabel("Address").FillAsync("1 Main Street");
        await page.GetByLabel("City").FillAsync("Springfield");
        await page.GetByLabel("Postal code").FillAsync("12345");
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new(cardToken + @"\b") }).CheckAsync();
        await steps.ShotAsync($"checkout-{cardToken}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/orders/.+"));
    }
}
