namespace ECommerce.Product.Tests;

[Collection(ProductCollection.Name)]
public sealed class OpenApiTests(ProductFixture fixture)
{
    [Fact]
    public async Task OpenApi_document_describes_the_catalog_endpoints()
    {
        var paths = (await fixture.Client(fixture.A).GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/products", "/api/products/{id}", "/api/products/search", "/api/products/suggest",
                     "/api/products/categories", "/api/products/trending" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.True(paths.GetProperty("/api/products/{id}").TryGetProperty("put", out _));
    }
}
