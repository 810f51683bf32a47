using static Microsoft.Playwright.Assertions;

namespace ECommerce.Browser.Tests;

/// <summary>The back office through the admin remote, against the real catalog and inventory services.</summary>
[Collection(SystemCollection.Name)]
public sealed class AdminTests(SystemFixture system)
{
    [Fact]
    public async Task An_admin_creates_a_product_stocks_it_and_deletes_it()
    {
        var page = await system.NewPageAsync();
        var steps = new Steps(page);
        var sku = $"TST-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        await ShopPages.SignInAsync(page, ShopApi.AdminEmail, ShopApi.AdminPassword);

        await page.GotoAsync("/admin/products/new");
        await page.GetByLabel("Name").FillAsync($"Test Lantern {sku}");
        await page.GetByLabel("SKU").FillAsync(sku);
        await page.GetByLabel("Brand").FillAsync("Nimbus");
        await page.GetByLabel("Category").FillAsync("Sports");
        await page.GetByLabel("Price").FillAsync("19.99");
        await page.GetByLabel("Description").FillAsync("A lantern made for a browser test.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Edit Test Lantern {sku}" })).ToBeVisibleAsync();
        var id = page.Url.Split('/').Last();

        await page.GetByLabel("On hand").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update stock" }).ClickAsync();
        await Expect(page.GetByTestId("stock-available")).ToHaveTextAsync("7");
        await steps.ShotAsync("created-and-stocked");

        var storefront = await system.NewPageAsync();
        await storefront.GotoAsync($"/products/{id}");
        await Expect(storefront.GetByText("In stock (7 available)")).ToBeVisibleAsync();
        await Expect(storefront.GetByTestId("product-price")).ToHaveTextAsync("$19.99");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete product" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products" })).ToBeVisibleAsync();
        await storefront.ReloadAsync();
        await Expect(storefront.GetByRole(AriaRole.Heading, new() { Name = "Product not found" })).ToBeVisibleAsync();
        await steps.ShotAsync("deleted");
    }
}
